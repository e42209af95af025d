package io.tenken;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes output files whole or not at all: each goes to a temp file in the same directory and
 * is renamed into place, so a reader never sees half a report. Contents are streamed into the
 * temp files, so a file never has to fit in memory.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes a file's content to a stream (which it must not close). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes every file of {@code contents} (name → bytes) into {@code dir}, in order. */
    public static List<Path> writeAll(Path dir, Map<String, byte[]> contents) throws IOException {
        Map<String, Content> streamed = new LinkedHashMap<>();
        contents.forEach((name, bytes) -> streamed.put(name, out -> out.write(bytes)));
        return streamAll(dir, streamed);
    }

    /**
     * Streams every file of {@code contents} into a temp file of its own first; only when all of
     * them have been written are they renamed into place. A failure in any leaves no new file.
     */
    public static List<Path> streamAll(Path dir, Map<String, Content> contents) throws IOException {
        Map<Path, Path> staged = new LinkedHashMap<>();
        Path current = dir;
        try {
            Files.createDirectories(dir);
            for (String name : contents.keySet()) {
                current = dir.resolve(name);
                if (Files.isDirectory(current, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    // Found before anything is renamed: the set is written whole or not at all.
                    throw new java.nio.file.FileAlreadyExistsException(current + " (a directory is in the way)");
                }
            }
            for (Map.Entry<String, Content> e : contents.entrySet()) {
                Path target = dir.resolve(e.getKey());
                current = target;
                staged.put(target, stage(target, e.getValue()));
            }
            List<Path> written = new ArrayList<>();
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                current = e.getKey();
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                written.add(e.getKey());
            }
            return written;
        } catch (IOException e) {
            // One line naming the file (an unwritable or full directory), never a stack trace.
            throw InvalidInputException.of("error.cannotWrite", current, OutputDir.reason(e));
        } finally {
            for (Path tmp : staged.values()) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    public static Path write(Path target, byte[] bytes) throws IOException {
        return stream(target, out -> out.write(bytes));
    }

    public static Path stream(Path target, Content content) throws IOException {
        return streamAll(target.toAbsolutePath().getParent(), Map.of(target.getFileName().toString(), content))
                .get(0);
    }

    private static Path stage(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 64 * 1024)) {
                content.writeTo(out);
            }
            // Temp files are created 0600; a report is meant to be shared like any other file.
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            return tmp;
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
