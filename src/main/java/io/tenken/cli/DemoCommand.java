package io.tenken.cli;

import io.tenken.pipeline.Analysis;
import io.tenken.report.Labels;
import io.tenken.pipeline.Sources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tenken demo}: evaluates two bundled snapshots, a GenU deployment at its defaults and
 * a hardened one, to show what the reports look like without an AWS account.
 */
@Command(name = "demo", mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
    static final List<String> SAMPLES = List.of("genu-default", "genu-hardened");

    @Option(names = "--out", paramLabel = "DIR")
    Path out = Path.of("demo-report");

    @Mixin
    ReportOptions options;

    @Override
    public Integer call() throws Exception {
        Analysis analysis = Analysis.prepare(options.config().build());
        Map<String, String> t = Labels.forLanguage(options.lang());
        for (String sample : SAMPLES) {
            Analysis.Result result = analysis.run(Sources.bundled(resource(sample)), out.resolve(sample));
            SummaryPrinter.print(System.out, Labels.format(t, "cli.demoOf", sample), result.report(), result.files());
            System.out.println();
        }
        System.out.println(Labels.format(t, "cli.open", out.resolve("genu-default").resolve("report.html").toAbsolutePath()));
        return ExitCodes.OK;
    }

    static String resource(String sample) {
        return "demo/" + sample + ".snapshot.json";
    }
}
