package io.tenken.collect;

/** The result of one collected call: a value, "not configured" (a fact), or a recorded failure. */
public record Outcome<T>(Kind kind, T value) {
    public enum Kind { OK, ABSENT, FAILED }

    static <T> Outcome<T> ok(T v) {
        return new Outcome<>(Kind.OK, v);
    }

    static <T> Outcome<T> absent() {
        return new Outcome<>(Kind.ABSENT, null);
    }

    static <T> Outcome<T> failed() {
        return new Outcome<>(Kind.FAILED, null);
    }

    public boolean isOk() {
        return kind == Kind.OK;
    }

    public boolean isFailed() {
        return kind == Kind.FAILED;
    }
}
