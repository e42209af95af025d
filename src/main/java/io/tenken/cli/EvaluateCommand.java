package io.tenken.cli;

import io.tenken.engine.RulePack;
import io.tenken.findings.Severity;
import io.tenken.policy.PolicyLoader;
import io.tenken.report.ReportRenderer;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.SnapshotReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tenken evaluate SNAPSHOT --out DIR}: re-evaluate saved evidence offline. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a snapshot file against the rules and write reports.")
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "Snapshot JSON file.")
    Path snapshot;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the reports.")
    Path out;

    @Mixin
    ReportOptions options;

    @Mixin
    GateOptions gate;

    @Override
    public Integer call() throws Exception {
        // Validate every input before writing anything.
        String lang = options.lang();
        List<ReportRenderer> renderers = options.renderers();
        Severity failOn = gate.failOn();
        LoadedSnapshot loaded = SnapshotReader.read(snapshot);
        PolicyLoader.LoadedPolicy policy = ReportJob.policy(options.policyFile());
        RulePack pack = ReportJob.rulePack(options.rulesDir());
        ReportJob.Result result = ReportJob.run(loaded, pack, policy, lang, renderers, out);
        SummaryPrinter.print(System.out, snapshot.toString(), result.report(), result.files());
        int code = ExitCodes.of(result.report(), failOn, gate.allowCollectionErrors);
        System.out.println("  exit " + code + ": " + GateOptions.explain(code, failOn));
        return code;
    }
}
