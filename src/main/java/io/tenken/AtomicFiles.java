package io.tenken;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes output files whole or not at all: each goes to a temp file in the same directory and
 * is renamed into place, so a reader never sees half a report.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes every file of {@code contents} (name → bytes) into {@code dir}, in order. */
    public static List<Path> writeAll(Path dir, Map<String, byte[]> contents) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : contents.entrySet()) {
            written.add(write(dir.resolve(e.getKey()), e.getValue()));
        }
        return written;
    }

    public static Path write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            // Temp files are created 0600; a report is meant to be shared like any other file.
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
