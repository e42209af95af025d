package io.tenken.cli;

import io.tenken.InvalidInputException;
import io.tenken.findings.Severity;
import picocli.CommandLine.Option;

/** How a run turns into an exit code (see {@link ExitCodes}). */
public final class GateOptions {
    @Option(names = "--fail-on", paramLabel = "SEVERITY")
    String failOn = "HIGH";

    @Option(names = "--allow-collection-errors")
    boolean allowCollectionErrors;

    @Option(names = "--fail-on-new")
    boolean failOnNew;

    public Severity failOn() {
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("error.failOn", failOn);
        }
    }

    /** Checks option combinations; call before anything is written. */
    public void validate(boolean hasBaseline) {
        failOn();
        if (failOnNew && !hasBaseline) {
            throw InvalidInputException.of("error.failOnNew");
        }
    }

    public int exitCode(io.tenken.findings.Report report) {
        return ExitCodes.of(report, failOn(), allowCollectionErrors, failOnNew);
    }

    /** The exit code explained in {@code lang}, as the summary's last line: "exit 1: FAIL findings at or above HIGH". */
    public String explainLine(int code, String lang) {
        java.util.Map<String, String> t = io.tenken.report.Labels.forLanguage(lang);
        return io.tenken.report.Labels.format(t, "cli.exit", code, explain(code, failOn(), failOnNew, t));
    }

    static String explain(int code, Severity failOn, boolean onlyNew, java.util.Map<String, String> t) {
        String which = t.get(onlyNew ? "exit.newFail" : "exit.fail");
        String threshold = t.get("severity." + failOn.name());
        return switch (code) {
            case ExitCodes.OK -> io.tenken.report.Labels.format(t, "exit.ok", which, threshold);
            case ExitCodes.FAILURES -> io.tenken.report.Labels.format(t, "exit.failures", which, threshold);
            case ExitCodes.COLLECTION_ERRORS -> t.get("exit.collectionErrors");
            default -> t.get("exit.input");
        };
    }
}
