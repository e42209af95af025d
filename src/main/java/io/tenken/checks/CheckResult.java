package io.tenken.checks;

import io.tenken.findings.Message;
import java.util.List;

/**
 * A helper's verdict with its evidence as messages (keys in {@code rules/messages_*.properties}),
 * handed straight to {@code verdicts.check(resource, result)}.
 */
public record CheckResult(boolean compliant, Message observed, Message expected) {
    /** Several observations shown as one, e.g. every problem found. */
    public static CheckResult of(boolean compliant, List<Message> observed, Message expected) {
        return new CheckResult(compliant, Message.list(observed), expected);
    }
}
