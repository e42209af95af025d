package io.tenken;

/**
 * A user-supplied file or argument is unusable (malformed snapshot, DRL error, bad policy).
 * The message is one line that names the file and, where known, the line and column; the CLI
 * prints it and exits with code 2 before writing any report.
 */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
