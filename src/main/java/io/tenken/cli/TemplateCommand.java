package io.tenken.cli;

import io.tenken.pipeline.Analysis;
import io.tenken.report.Labels;
import io.tenken.pipeline.Sources;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.Snapshot;
import io.tenken.snapshot.SnapshotReader;
import io.tenken.template.TemplateSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tenken template PATH... --out DIR}: judge CloudFormation templates or a CDK cloud
 * assembly before deployment, with the rules of the scan. Writes {@code DIR/snapshot.json}
 * (source: template) and the reports, exactly as {@code evaluate} of that snapshot would.
 */
@Command(name = "template", mixinStandardHelpOptions = true)
final class TemplateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", descriptionKey = "PATH")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR")
    Path out = Path.of(OutputFolder.DEFAULT);

    @Option(names = "--account-snapshot", paramLabel = "SNAPSHOT.json")
    Path accountSnapshot;

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
        var config = audit.applyTo(options.config()).build();
        Analysis analysis = Analysis.prepare(config);
        java.time.LocalDate asOf = config.asOf() != null ? config.asOf() : java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        LoadedSnapshot account = accountSnapshot == null ? null : SnapshotReader.read(accountSnapshot);
        Path snapshotFile = out.resolve("snapshot.json");
        Analysis.Result result = analysis.run(
                Sources.written(() -> TemplateSource.snapshot(paths, account, asOf), snapshotFile), out);
        Snapshot snapshot = result.snapshot().snapshot();
        List<Path> files = new ArrayList<>();
        files.add(snapshotFile);
        files.addAll(result.files());
        String lang = result.report().metadata().lang();
        Map<String, String> t = Labels.forLanguage(lang);
        SummaryPrinter.print(System.out, Labels.format(t, "cli.templateOf", String.join(" ", snapshot.getSource().getStacks())),
                result.report(), files);
        int code = gate.exitCode(result.report());
        long unresolved = snapshot.getErrors().stream().filter(e -> "Unresolved".equals(e.getErrorCode())).count();
        if (unresolved > 0) {
            System.out.println("  " + Labels.format(t, "cli.unresolved", unresolved));
        }
        if (accountSnapshot == null) {
            System.out.println("  " + t.get("cli.accountLevel"));
        }
        System.out.println("  " + gate.explainLine(code, lang));
        return code;
    }
}
