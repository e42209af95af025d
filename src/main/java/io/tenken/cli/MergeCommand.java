package io.tenken.cli;

import io.tenken.InvalidInputException;
import io.tenken.org.OrgReport;
import io.tenken.org.OrgReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tenken merge DIR... --out OUT}: the organisation report from the per-account results
 * of several {@code scan --org --shard I/N} runs (each DIR holds {@code <account-id>/} directories).
 */
@Command(name = "merge", mixinStandardHelpOptions = true)
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", descriptionKey = "DIR")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR", required = true)
    Path out;

    @Mixin
    ReportOptions options;

    @Override
    public Integer call() throws Exception {
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                throw InvalidInputException.of("error.notDirectory", d);
            }
        }
        OrgReport report = OrgReport.read(dirs, out, options.lang());
        if (report.rows().isEmpty()) {
            throw InvalidInputException.of("error.noAccountResults",
                    String.join(", ", dirs.stream().map(Path::toString).toList()));
        }
        List<Path> files = OrgReportWriter.write(report, out);
        OrgSummary.print(report, files);
        return report.exitCode();
    }
}
