package io.tenken.pipeline;

import io.tenken.snapshot.LoadedSnapshot;
import java.io.IOException;

/**
 * The first stage: something that gives a snapshot (a saved file, a live scan, templates, a
 * bundled sample), with the sha256 of its bytes as the report's evidence.
 */
@FunctionalInterface
public interface Source {
    LoadedSnapshot load() throws IOException;

    /**
     * True when loading writes a file (the snapshot of a scan or a template run): the pipeline
     * then validates the rule pack first, so a bad rule file leaves nothing behind.
     */
    default boolean writes() {
        return false;
    }
}
