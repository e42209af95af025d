package io.tenken.pipeline;

import io.tenken.derive.Derive;
import io.tenken.engine.Assessment;
import io.tenken.engine.RulePack;
import io.tenken.findings.Report;
import io.tenken.gate.Baseline;
import io.tenken.gate.Differ;
import io.tenken.gate.WaiverFile;
import io.tenken.gate.Waivers;
import io.tenken.policy.Policy;
import io.tenken.policy.PolicyLoader;
import io.tenken.report.ReportRenderer;
import io.tenken.report.ReportWriter;
import io.tenken.report.Renderers;
import io.tenken.report.Templates;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.Snapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The pipeline after the source: {@code snapshot → derive → evaluate → gate (waivers, baseline)
 * → render}, configured by an {@link AnalysisConfig}. {@link #prepare} reads and validates every
 * input before any source runs or any file is written (an {@link io.tenken.InvalidInputException}
 * names the bad one); the rule pack, the largest start-up cost, loads on another thread meanwhile.
 */
public final class Analysis {
    /** What a run produced: the report, the files written, and the snapshot it judged. */
    public record Result(Report report, List<Path> files, LoadedSnapshot snapshot) {
    }

    private final AnalysisConfig config;
    private final List<ReportRenderer> renderers;
    private final PolicyLoader.LoadedPolicy policy;
    private final WaiverFile waivers;
    private final LocalDate asOf;
    private final Baseline baseline;
    private final CompletableFuture<RulePack> pack;

    private Analysis(AnalysisConfig config, List<ReportRenderer> renderers, PolicyLoader.LoadedPolicy policy,
                     WaiverFile waivers, LocalDate asOf, Baseline baseline, CompletableFuture<RulePack> pack) {
        this.config = config;
        this.renderers = renderers;
        this.policy = policy;
        this.waivers = waivers;
        this.asOf = asOf;
        this.baseline = baseline;
        this.pack = pack;
    }

    public static Analysis prepare(AnalysisConfig config) {
        if (!"en".equals(config.lang()) && !"ja".equals(config.lang())) {
            throw io.tenken.InvalidInputException.of("error.lang", config.lang());
        }
        List<ReportRenderer> renderers = Renderers.forFormats(config.formats());
        CompletableFuture<RulePack> pack = CompletableFuture.supplyAsync(() -> {
            RulePack loaded = rulePack(config.rulesDir());
            config.checks().validate(loaded);
            return loaded;
        });
        try {
            PolicyLoader.LoadedPolicy policy = config.policyFile() == null
                    ? new PolicyLoader.LoadedPolicy(Policy.defaults(), null)
                    : PolicyLoader.loadWithSha(config.policyFile());
            WaiverFile waivers = config.waiversFile() == null ? null : WaiverFile.read(config.waiversFile());
            Baseline baseline = config.baselineFile() == null ? null : Baseline.read(config.baselineFile());
            LocalDate asOf = config.asOf() != null ? config.asOf() : LocalDate.now(ZoneOffset.UTC);
            Templates.preload(renderers);
            return new Analysis(config, renderers, policy, waivers, asOf, baseline, pack);
        } catch (RuntimeException e) {
            pack.cancel(false);
            throw e;
        }
    }

    /** The bundled rule pack, or it plus the DRL files of {@code rulesDir}. */
    public static RulePack rulePack(Path rulesDir) {
        return rulesDir == null ? RulePack.bundled() : RulePack.withOverrides(rulesDir);
    }

    /** Source → every stage → files in {@code outDir}. */
    public Result run(Source source, Path outDir) throws IOException {
        io.tenken.OutputDir.requireWritable(outDir); // before collecting anything
        LoadedSnapshot loaded;
        if (source instanceof Source.Writing writing) {
            byte[] made = writing.make();
            rulePack();
            loaded = writing.commit(made);
        } else {
            loaded = source.load();
        }
        Report report = report(loaded);
        return new Result(report, ReportWriter.write(report, renderers, outDir), loaded);
    }

    /** derive → evaluate → waivers → diff, in memory (also what {@code verify} recomputes). */
    public Report report(LoadedSnapshot loaded) {
        refuseMissingBucketTags(loaded.snapshot());
        Snapshot derived = Derive.apply(loaded.snapshot());
        Report report = config.checks().apply(Assessment.assess(new LoadedSnapshot(derived, loaded.sha256()), rulePack(),
                policy.policy(), policy.sha256(), config.lang()), rulePack());
        if (waivers != null) {
            Waivers.requireKnownRules(waivers, rulePack().rules().stream().map(r -> r.id()).toList());
            report = Waivers.apply(report, waivers, asOf);
        }
        if (baseline != null) {
            report = Differ.withDiff(report, baseline);
        }
        return report;
    }

    /**
     * Whether a scan must read bucket tags: the policy classifies buckets by tag
     * ({@code sensitiveBucketTags}, read by S3-02), or the rules are not the built-in ones (a
     * rule of its own may read them). Otherwise they cost a call a bucket and decide nothing.
     */
    public boolean needsBucketTags() {
        return config.rulesDir() != null || !policy.policy().getSensitiveBucketTags().isEmpty();
    }

    /** A snapshot scanned without bucket tags cannot say which buckets a tag policy makes sensitive. */
    private void refuseMissingBucketTags(io.tenken.snapshot.Snapshot s) {
        io.tenken.snapshot.ServiceStatus s3 = s.getServices() == null ? null : s.getServices().get("s3");
        if (s3 != null && s3.getNotRead().contains("GetBucketTagging") && needsBucketTags()) {
            throw config.rulesDir() != null
                    ? io.tenken.InvalidInputException.of("error.bucketTagsRules", config.rulesDir())
                    : io.tenken.InvalidInputException.of("error.bucketTagsPolicy");
        }
    }

    /** The snapshot services the selected checks read: what a scan must collect (empty: all). */
    public List<String> servicesNeeded() {
        return config.checks().servicesNeeded(rulePack());
    }

    /** The rule pack, with an input error in a rule file rethrown as itself. */
    public RulePack rulePack() {
        try {
            return pack.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    public AnalysisConfig config() {
        return config;
    }

    public boolean hasBaseline() {
        return baseline != null;
    }
}
