package io.tenken.checks;

/** A helper's verdict with its evidence, handed straight to {@code verdicts.check(...)}. */
public record CheckResult(boolean compliant, String observed, String expected) {
}
