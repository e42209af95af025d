package io.tenken.cli;

import io.tenken.findings.Report;
import io.tenken.gate.Differ;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;

/**
 * Process exit codes, the contract CI pipelines rely on (README, "Exit codes"):
 * 0 nothing at or above the threshold failed; 1 failures at or above it; 2 usage or input
 * error; 3 the scan could not see everything (collection errors), which outranks 1 so a gate
 * can tell "non-compliant" from "could not see".
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURES = 1;
    public static final int INPUT_ERROR = 2;
    public static final int COLLECTION_ERRORS = 3;

    private ExitCodes() {
    }

    public static int of(Report report, Severity failOn, boolean allowCollectionErrors) {
        return of(report, failOn, allowCollectionErrors, false);
    }

    /**
     * WAIVED findings never count. With {@code onlyNew} (--fail-on-new) only the diff's new
     * failures count, so a report without a diff section cannot fail on findings.
     */
    public static int of(Report report, Severity failOn, boolean allowCollectionErrors, boolean onlyNew) {
        if (!allowCollectionErrors && hasCollectionErrors(report)) {
            return COLLECTION_ERRORS;
        }
        long failures = onlyNew
                ? (report.diff() == null ? 0 : Differ.newFailuresAtLeast(report.diff(), failOn))
                : report.summary().failuresAtLeast(failOn);
        return failures > 0 ? FAILURES : OK;
    }

    /**
     * Any ERROR finding, or any recorded collection error even where no current rule needed
     * the data: {@code scan} and {@code evaluate} of its snapshot must agree on exit 3.
     */
    static boolean hasCollectionErrors(Report report) {
        return report.summary().count(Status.ERROR) > 0
                || report.coverage().stream().anyMatch(c -> c.errors() > 0);
    }
}
