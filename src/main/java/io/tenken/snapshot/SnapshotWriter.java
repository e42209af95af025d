package io.tenken.snapshot;

import io.tenken.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".snapshot", ".tmp");
        try {
            Files.write(tmp, toBytes(snapshot));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
