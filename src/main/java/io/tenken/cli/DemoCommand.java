package io.tenken.cli;

import io.tenken.engine.RulePack;
import io.tenken.policy.PolicyLoader;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.Sha256;
import io.tenken.snapshot.SnapshotReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tenken demo}: evaluates two bundled snapshots, a GenU deployment at its defaults and
 * a hardened one, to show what the reports look like without an AWS account.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Evaluate the bundled sample snapshots (default and hardened GenU) and write their reports.")
final class DemoCommand implements Callable<Integer> {
    static final List<String> SAMPLES = List.of("genu-default", "genu-hardened");

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: demo-report).")
    Path out = Path.of("demo-report");

    @Mixin
    ReportOptions options;

    @Override
    public Integer call() throws Exception {
        String lang = options.lang();
        var renderers = options.renderers();
        var packLoading = ReportJob.rulePackAsync(options.rulesDir());
        PolicyLoader.LoadedPolicy policy = ReportJob.policy(options.policyFile());
        java.util.Map<String, LoadedSnapshot> samples = new java.util.LinkedHashMap<>();
        for (String sample : SAMPLES) {
            samples.put(sample, load(sample));
        }
        io.tenken.report.Templates.preload(renderers);
        RulePack pack = ReportJob.join(packLoading);
        for (String sample : SAMPLES) {
            LoadedSnapshot loaded = samples.get(sample);
            ReportJob.Result result = ReportJob.run(loaded, pack, policy, lang, renderers, out.resolve(sample));
            SummaryPrinter.print(System.out, "demo " + sample, result.report(), result.files());
            System.out.println();
        }
        System.out.println("Open " + out.resolve("genu-default").resolve("report.html").toAbsolutePath()
                + " to see the report.");
        return ExitCodes.OK;
    }

    static LoadedSnapshot load(String sample) throws IOException {
        String resource = "demo/" + sample + ".snapshot.json";
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled demo snapshot " + resource);
            }
            byte[] bytes = in.readAllBytes();
            return new LoadedSnapshot(SnapshotReader.parse(Path.of(resource), bytes), Sha256.hex(bytes));
        }
    }
}
