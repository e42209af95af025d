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
        io.tenken.AtomicFiles.write(file, toBytes(snapshot));
    }
}
