package io.tenken.findings;

import java.util.Locale;

/** Rule severity, most severe first (ordinal order is the gate order). */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** True when this severity is at or above {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown severity '" + s
                    + "' (expected CRITICAL, HIGH, MEDIUM, LOW or INFO)");
        }
    }
}
