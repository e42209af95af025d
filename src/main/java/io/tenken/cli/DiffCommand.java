package io.tenken.cli;

import io.tenken.InvalidInputException;
import io.tenken.findings.ReportDiff;
import io.tenken.findings.Severity;
import io.tenken.gate.Baseline;
import io.tenken.gate.Differ;
import io.tenken.report.DiffRenderer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import io.tenken.report.Labels;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenken diff OLD.json NEW.json}: month to month, by rule id + resource id. */
@Command(name = "diff", mixinStandardHelpOptions = true)
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", descriptionKey = "OLD")
    Path oldReport;

    @Parameters(index = "1", paramLabel = "NEW", descriptionKey = "NEW")
    Path newReport;

    @Option(names = "--out", paramLabel = "DIR")
    Path out;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT")
    List<String> formats = List.of("json", "markdown");

    @Option(names = "--fail-on", paramLabel = "SEVERITY")
    String failOn = "HIGH";

    @Option(names = "--fail-on-new")
    boolean failOnNew;

    @Option(names = "--lang", paramLabel = "LANG")
    String lang = "en";

    @Override
    public Integer call() throws Exception {
        Severity threshold;
        try {
            threshold = Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("error.failOn", failOn);
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : formats) {
            switch (f.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> files.put("json", "diff.json");
                case "markdown", "md" -> files.put("markdown", "diff.md");
                default -> throw InvalidInputException.of("error.diffFormat", f);
            }
        }
        ReportOptions langCheck = new ReportOptions();
        langCheck.lang = lang;
        Map<String, String> t = Labels.forLanguage(langCheck.lang());
        Baseline before = Baseline.read(oldReport);
        Baseline after = Baseline.read(newReport);
        ReportDiff diff = Differ.diff(before, after);
        System.out.println(Labels.format(t, "cli.diffOf", oldReport, newReport));
        SummaryPrinter.printDiff(System.out, diff, t);
        if (out != null) {
            Map<String, byte[]> rendered = new LinkedHashMap<>();
            files.forEach((fmt, name) -> rendered.put(name, "json".equals(fmt) ? DiffRenderer.json(diff)
                    : DiffRenderer.markdown(diff, t)));
            List<Path> written = io.tenken.AtomicFiles.writeAll(out, rendered);
            written.forEach(p -> System.out.println("  " + Labels.format(t, "cli.wrote", p)));
        }
        if (failOnNew && Differ.newFailuresAtLeast(diff, threshold) > 0) {
            System.out.println("  " + Labels.format(t, "cli.exit", ExitCodes.FAILURES, Labels.format(t, "exit.failures",
                    t.get("exit.newFail"), t.get("severity." + threshold.name()))));
            return ExitCodes.FAILURES;
        }
        return ExitCodes.OK;
    }
}
