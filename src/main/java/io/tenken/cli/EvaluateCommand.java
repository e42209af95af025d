package io.tenken.cli;

import io.tenken.engine.RulePack;
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
        description = "Evaluate a snapshot file against the rules and write reports.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no FAIL at or above --fail-on (WAIVED findings do not count)",
            "1:FAIL findings at or above --fail-on (with --fail-on-new: only new ones since --baseline)",
            "2:usage or input error: bad option, snapshot, rules, policy, waiver or baseline file (nothing written)",
            "3:collection errors (ERROR findings); outranks 1; --allow-collection-errors turns it off"})
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "Snapshot JSON file.")
    Path snapshot;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the reports.")
    Path out;

    @Mixin
    ReportOptions options;

    @Mixin
    GateOptions gate;

    @Mixin
    AuditOptions audit;

    @Override
    public Integer call() throws Exception {
        // Validate every input before writing anything.
        String lang = options.lang();
        List<ReportRenderer> renderers = options.renderers();
        gate.validate(audit.hasBaseline());
        var packLoading = ReportJob.rulePackAsync(options.rulesDir());
        LoadedSnapshot loaded = SnapshotReader.read(snapshot);
        PolicyLoader.LoadedPolicy policy = ReportJob.policy(options.policyFile());
        AuditOptions.Loaded audited = audit.load();
        io.tenken.report.Templates.preload(renderers);
        RulePack pack = ReportJob.join(packLoading);
        ReportJob.Result result = ReportJob.run(loaded, pack, policy, lang, audited, renderers, out);
        SummaryPrinter.print(System.out, snapshot.toString(), result.report(), result.files());
        int code = gate.exitCode(result.report());
        System.out.println("  exit " + code + ": " + gate.explain(code));
        return code;
    }
}
