package io.tenken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a user-supplied file whole; a missing or unreadable file is an input error naming it. */
public final class InputFiles {
    private InputFiles() {
    }

    /** @param what how the message names the file, e.g. "snapshot file" */
    public static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of("error.notFound", file, io.tenken.findings.Message.of(what));
        } catch (IOException e) {
            throw InvalidInputException.of("error.cannotRead", file, io.tenken.findings.Message.of(what), e.getMessage());
        }
    }
}
