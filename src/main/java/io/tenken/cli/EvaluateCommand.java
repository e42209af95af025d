package io.tenken.cli;

import io.tenken.pipeline.Analysis;
import io.tenken.pipeline.Sources;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenken evaluate SNAPSHOT --out DIR}: re-evaluate saved evidence offline. */
@Command(name = "evaluate", mixinStandardHelpOptions = true)
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SNAPSHOT", descriptionKey = "SNAPSHOT")
    Path snapshot;

    @Option(names = "--out", paramLabel = "DIR")
    Path out = Path.of(OutputFolder.DEFAULT);

    @Mixin
    ReportOptions options;

    @Mixin
    GateOptions gate;

    @Mixin
    AuditOptions audit;

    @Override
    public Integer call() throws Exception {
        // Validate every input before writing anything.
        OutputFolder.check(out);
        gate.validate(audit.hasBaseline());
        Analysis analysis = Analysis.prepare(audit.applyTo(options.config()).build());
        Analysis.Result result = analysis.run(Sources.file(snapshot), out);
        SummaryPrinter.print(System.out, snapshot.toString(), result.report(), result.files());
        int code = gate.exitCode(result.report());
        System.out.println("  " + gate.explainLine(code, result.report().metadata().lang()));
        return code;
    }
}
