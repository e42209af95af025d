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

    @Option(names = "--fail-on-new",
            description = "With --baseline: exit 1 only for FAIL findings at or above --fail-on that are new since the baseline.")
    boolean failOnNew;

    public Severity failOn() {
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--fail-on: " + e.getMessage());
        }
    }

    /** Checks option combinations; call before anything is written. */
    public void validate(boolean hasBaseline) {
        failOn();
        if (failOnNew && !hasBaseline) {
            throw new InvalidInputException("--fail-on-new needs --baseline PREVIOUS_REPORT.json");
        }
    }

    public int exitCode(io.tenken.findings.Report report) {
        return ExitCodes.of(report, failOn(), allowCollectionErrors, failOnNew);
    }

    public String explain(int code) {
        return explain(code, failOn(), failOnNew);
    }

    static String explain(int code, Severity failOn) {
        return explain(code, failOn, false);
    }

    static String explain(int code, Severity failOn, boolean onlyNew) {
        String which = onlyNew ? "new FAIL (since the baseline)" : "FAIL";
        return switch (code) {
            case ExitCodes.OK -> "no " + which + " at or above " + failOn;
            case ExitCodes.FAILURES -> which + " findings at or above " + failOn;
            case ExitCodes.COLLECTION_ERRORS -> "collection errors: some checks could not see their data (ERROR)";
            default -> "input error";
        };
    }
}
