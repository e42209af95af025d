package io.tenken;

import io.tenken.findings.Message;
import io.tenken.report.Labels;

/**
 * A user-supplied file or argument is unusable (malformed snapshot, DRL error, bad policy).
 * The message is one line that names the file and, where known, the line and column; the CLI
 * prints it and exits with code 2 before writing any report. Messages a person reads at the
 * command line are message keys with arguments, always ({@code error.*} in
 * {@code reports/i18n/labels_<lang>.properties}), printed in the run's {@code --lang};
 * {@link #getMessage()} is the English text.
 */
public class InvalidInputException extends RuntimeException {
    private final transient Message text;

    public InvalidInputException(Message text) {
        super(Labels.texts("en").format(text));
        this.text = text;
    }

    /** {@code key} with {@code args} (values verbatim, messages translated with it). */
    public static InvalidInputException of(String key, Object... args) {
        return new InvalidInputException(Message.of(key, args));
    }

    /** The message as a key with arguments. */
    public Message text() {
        return text;
    }

    /** The message in {@code lang}. */
    public String getMessage(String lang) {
        return Labels.texts(lang).format(text);
    }
}
