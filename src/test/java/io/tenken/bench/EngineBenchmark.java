package io.tenken.bench;

import io.tenken.engine.Assessment;
import io.tenken.engine.RulePack;
import io.tenken.facts.Bucket;
import io.tenken.facts.LogGroup;
import io.tenken.facts.PublicAccessBlock;
import io.tenken.findings.Report;
import io.tenken.policy.Policy;
import io.tenken.report.HtmlReportRenderer;
import io.tenken.report.JsonReportRenderer;
import io.tenken.snapshot.Facts;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.Snapshot;
import io.tenken.TestSnapshots;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark (not a test): evaluates a synthetic snapshot with many facts and prints the time of
 * each stage. Run with src/bench/engine.sh [LOG_GROUPS] [BUCKETS].
 */
public final class EngineBenchmark {
    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        int logGroups = args.length > 0 ? Integer.parseInt(args[0]) : 150_000;
        int buckets = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        List<LogGroup> groups = new ArrayList<>();
        for (int i = 0; i < logGroups; i++) {
            String name = (i % 10 == 0 ? "/aws/bedrock/invocations-" : "/aws/lambda/fn-") + i;
            groups.add(LogGroup.builder().name(name).region(i % 2 == 0 ? "ap-northeast-1" : "us-east-1")
                    .arn("arn:aws:logs:ap-northeast-1:123456789012:log-group:" + name)
                    .retentionDays(i % 3 == 0 ? null : 400).build());
        }
        PublicAccessBlock pab = PublicAccessBlock.builder().blockPublicAcls(true).ignorePublicAcls(true)
                .blockPublicPolicy(true).restrictPublicBuckets(true).build();
        List<Bucket> bucketList = new ArrayList<>();
        for (int i = 0; i < buckets; i++) {
            bucketList.add(Bucket.builder().name("bucket-" + i + (i % 7 == 0 ? "-logs" : "")).region("ap-northeast-1")
                    .encryptionAlgorithm(i % 5 == 0 ? null : "AES256").publicAccessBlock(pab).build());
        }
        Snapshot s = TestSnapshots.withFacts(Facts.builder().logGroups(groups).buckets(bucketList).build());
        LoadedSnapshot loaded = new LoadedSnapshot(s, "0".repeat(64));

        long t0 = System.nanoTime();
        RulePack pack = RulePack.bundled();
        long t1 = System.nanoTime();
        Report report = Assessment.assess(loaded, pack, Policy.defaults(), null, "en");
        long t2 = System.nanoTime();
        byte[] json = new JsonReportRenderer().render(report);
        long t3 = System.nanoTime();
        byte[] html = new HtmlReportRenderer().render(report);
        long t4 = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("facts: %,d log groups + %,d buckets; findings: %,d%n", logGroups, buckets, report.findings().size());
        System.out.printf("load rule pack (%d rules, executable model=%s): %,d ms%n", pack.rules().size(),
                pack.isExecutableModel(), (t1 - t0) / 1_000_000);
        System.out.printf("evaluate: %,d ms%n", (t2 - t1) / 1_000_000);
        System.out.printf("render JSON: %,d ms (%,d bytes)%n", (t3 - t2) / 1_000_000, json.length);
        System.out.printf("render HTML: %,d ms (%,d bytes)%n", (t4 - t3) / 1_000_000, html.length);
        System.out.printf("heap used: %,d MB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    }
}
