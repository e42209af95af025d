package io.tenken.cli;

import io.tenken.InvalidInputException;
import io.tenken.findings.Severity;
import picocli.CommandLine.Option;

/** How a run turns into an exit code (see {@link ExitCodes}). */
public final class GateOptions {
    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a FAIL at or above this severity exists: CRITICAL, HIGH, MEDIUM, LOW (default: HIGH).")
    String failOn = "HIGH";

    @Option(names = "--allow-collection-errors",
            description = "Do not exit 3 on collection errors (their findings still show ERROR).")
    boolean allowCollectionErrors;

    public Severity failOn() {
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--fail-on: " + e.getMessage());
        }
    }

    static String explain(int code, Severity failOn) {
        return switch (code) {
            case ExitCodes.OK -> "no FAIL at or above " + failOn;
            case ExitCodes.FAILURES -> "FAIL findings at or above " + failOn;
            case ExitCodes.COLLECTION_ERRORS -> "collection errors: some checks could not see their data (ERROR)";
            default -> "input error";
        };
    }
}
