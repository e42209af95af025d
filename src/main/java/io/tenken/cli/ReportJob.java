package io.tenken.cli;

import io.tenken.engine.Assessment;
import io.tenken.engine.RulePack;
import io.tenken.findings.Report;
import io.tenken.gate.Differ;
import io.tenken.gate.Waivers;
import io.tenken.policy.Policy;
import io.tenken.policy.PolicyLoader;
import io.tenken.report.ReportRenderer;
import io.tenken.report.ReportWriter;
import io.tenken.snapshot.LoadedSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * evaluate → findings → render, shared by every command that produces reports. All inputs are
 * loaded and validated before anything is written.
 */
public final class ReportJob {
    public record Result(Report report, List<Path> files) {
    }

    private ReportJob() {
    }

    public static RulePack rulePack(Path rulesDir) {
        return rulesDir == null ? RulePack.bundled() : RulePack.withOverrides(rulesDir);
    }

    /**
     * Starts loading the rule pack on another thread: the largest start-up cost, which can
     * overlap reading the snapshot and preparing templates. {@link #join} it before use.
     */
    public static java.util.concurrent.CompletableFuture<RulePack> rulePackAsync(Path rulesDir) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> rulePack(rulesDir));
    }

    /** The pack, with an input error in a rule file rethrown as itself. */
    public static RulePack join(java.util.concurrent.CompletableFuture<RulePack> pack) {
        try {
            return pack.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    public static PolicyLoader.LoadedPolicy policy(Path policyFile) {
        return policyFile == null ? new PolicyLoader.LoadedPolicy(Policy.defaults(), null)
                : PolicyLoader.loadWithSha(policyFile);
    }

    public static Result run(LoadedSnapshot snapshot, RulePack pack, PolicyLoader.LoadedPolicy policy,
                             String lang, List<ReportRenderer> renderers, Path outDir) throws IOException {
        return run(snapshot, pack, policy, lang, AuditOptions.Loaded.NONE, renderers, outDir);
    }

    /** With waivers and baseline ({@link AuditOptions#load()}), as {@code evaluate} and {@code scan} run it. */
    public static Result run(LoadedSnapshot snapshot, RulePack pack, PolicyLoader.LoadedPolicy policy,
                             String lang, AuditOptions.Loaded audit, List<ReportRenderer> renderers, Path outDir)
            throws IOException {
        Report report = report(snapshot, pack, policy, lang, audit);
        return new Result(report, ReportWriter.write(report, renderers, outDir));
    }

    /** evaluate → waivers → diff, in memory (also what {@code verify} recomputes). */
    public static Report report(LoadedSnapshot snapshot, RulePack pack, PolicyLoader.LoadedPolicy policy,
                                String lang, AuditOptions.Loaded audit) {
        Report report = Assessment.assess(snapshot, pack, policy.policy(), policy.sha256(), lang);
        if (audit.waivers() != null) {
            report = Waivers.apply(report, audit.waivers(), audit.asOf());
        }
        if (audit.baseline() != null) {
            report = Differ.withDiff(report, audit.baseline());
        }
        return report;
    }
}
