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
     * A source that makes its snapshot now and writes it as evidence (a scan, a template run):
     * {@link #make} builds and serialises it without writing, {@link #commit} writes and reads it
     * back. The pipeline validates the rule pack between the two, so a bad rule file leaves
     * nothing behind while the pack loads in parallel with the source.
     */
    interface Writing extends Source {
        byte[] make();

        LoadedSnapshot commit(byte[] snapshot) throws IOException;

        @Override
        default LoadedSnapshot load() throws IOException {
            return commit(make());
        }
    }
}
