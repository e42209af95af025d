package io.tenken.snapshot;

import io.tenken.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes a snapshot atomically (temp file + rename), so a crash never leaves half a file. */
public final class SnapshotWriter {
    private SnapshotWriter() {
    }

    public static byte[] toBytes(Snapshot snapshot) {
        try {
            return Json.MAPPER.writeValueAsBytes(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Snapshot snapshot, Path file) throws IOException {
        // Streamed: a snapshot of a million facts is never one byte array.
        io.tenken.AtomicFiles.stream(file, out -> Json.MAPPER.writer()
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, snapshot));
    }
}
