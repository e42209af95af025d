package io.tenken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An output directory checked before any work: a scan that collects for minutes must not find
 * out at the end that {@code --out} is a file or read-only.
 */
public final class OutputDir {
    private OutputDir() {
    }

    /**
     * Proves {@code dir} (or, when it does not exist yet, its nearest existing ancestor, where it
     * will be created) is a writable directory, creating nothing; otherwise one line naming it.
     */
    public static void requireWritable(Path dir) {
        Path abs = dir.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw InvalidInputException.of("error.outIsFile", dir);
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw InvalidInputException.of("error.outNotDirectory", dir, existing);
        }
        try {
            Path probe = Files.createTempFile(existing, ".tenken-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw InvalidInputException.of("error.outNotWritable", dir, reason(e));
        }
    }

    static io.tenken.findings.Message reason(Exception e) {
        return e instanceof java.nio.file.AccessDeniedException ? io.tenken.findings.Message.of("error.permissionDenied")
                : e instanceof java.nio.file.FileAlreadyExistsException ? io.tenken.findings.Message.of("error.fileInTheWay")
                : io.tenken.findings.Message.of("error.detail", e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
}
