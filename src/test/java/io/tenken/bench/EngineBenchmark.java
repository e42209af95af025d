package io.tenken.bench;

import io.tenken.TestSnapshots;
import io.tenken.engine.Assessment;
import io.tenken.engine.RulePack;
import io.tenken.facts.Bucket;
import io.tenken.facts.LogGroup;
import io.tenken.facts.PublicAccessBlock;
import io.tenken.findings.Report;
import io.tenken.policy.Policy;
import io.tenken.report.ReportRenderer;
import io.tenken.report.ReportWriter;
import io.tenken.report.Renderers;
import io.tenken.snapshot.Facts;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.SnapshotReader;
import io.tenken.snapshot.SnapshotWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Benchmark (not a test): the whole offline pipeline on a synthetic snapshot of many facts
 * (default 750,000 log groups + 250,000 buckets), each stage timed with the heap's peak during it.
 * The snapshot is written to a file and read back as a stream, every format is streamed to a
 * file. Run with src/bench/engine.sh [LOG_GROUPS] [BUCKETS] (a 2 GB heap).
 */
public final class EngineBenchmark {
    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int logGroups = args.length > 0 ? Integer.parseInt(args[0]) : 750_000;
        int buckets = args.length > 1 ? Integer.parseInt(args[1]) : 250_000;
        Path dir = Files.createTempDirectory("tenken-engine-bench");
        Path snapshotFile = dir.resolve("snapshot.json");
        System.out.printf("max heap %,d MB; %,d log groups + %,d buckets = %,d facts%n",
                Runtime.getRuntime().maxMemory() >> 20, logGroups, buckets, logGroups + buckets);
        stage("write synthetic snapshot", () -> {
            SnapshotWriter.write(TestSnapshots.withFacts(synthetic(logGroups, buckets)), snapshotFile);
            return String.format("%,d MB", Files.size(snapshotFile) >> 20);
        });
        RulePack pack = stage("load rule pack", RulePack::bundled);
        LoadedSnapshot loaded = stage("read snapshot (stream)", () -> SnapshotReader.read(snapshotFile));
        Report report = stage("evaluate", () -> Assessment.assess(loaded, pack, Policy.defaults(), null, "en"));
        System.out.printf("  findings: %,d%n", report.findings().size());
        long total = 0;
        for (ReportRenderer r : Renderers.forFormats(Renderers.formats())) {
            Path out = dir.resolve(r.format());
            stage("render " + r.format(), () -> {
                ReportWriter.write(report, List.of(r), out);
                return String.format("%,d MB", Files.size(out.resolve(r.fileName())) >> 20);
            });
            total += Files.size(out.resolve(r.fileName()));
        }
        System.out.printf("all formats: %,d MB written under %s%n", total >> 20, dir);
        System.out.printf("peak heap over the whole run: %,d MB%n", peakSinceStart >> 20);
    }

    private static long peakSinceStart;

    /** Runs one stage after a GC, printing its wall time, the heap's peak during it and what it holds after. */
    private static <T> T stage(String name, Callable<T> body) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        T result = body.call();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        peakSinceStart = Math.max(peakSinceStart, peak);
        System.gc();
        long live = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        System.out.printf("%-28s %,8d ms   peak heap %,6d MB   live after %,6d MB%s%n", name, ms, peak >> 20,
                live >> 20, result instanceof String s ? "   " + s : "");
        return result;
    }

    static Facts synthetic(int logGroups, int buckets) {
        List<LogGroup> groups = new ArrayList<>(logGroups);
        for (int i = 0; i < logGroups; i++) {
            String name = (i % 10 == 0 ? "/aws/bedrock/invocations-" : "/aws/lambda/fn-") + i;
            String region = i % 2 == 0 ? "ap-northeast-1" : "us-east-1";
            groups.add(LogGroup.builder().name(name).region(region)
                    .arn("arn:aws:logs:" + region + ":123456789012:log-group:" + name)
                    .retentionDays(i % 3 == 0 ? null : 400).build());
        }
        PublicAccessBlock pab = PublicAccessBlock.builder().blockPublicAcls(true).ignorePublicAcls(true)
                .blockPublicPolicy(true).restrictPublicBuckets(true).build();
        List<Bucket> bucketList = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            String name = "bucket-" + i + (i % 7 == 0 ? "-logs" : "");
            bucketList.add(Bucket.builder().name(name).arn("arn:aws:s3:::" + name).region("ap-northeast-1")
                    .encryptionAlgorithm(i % 5 == 0 ? null : "AES256").publicAccessBlock(i % 11 == 0 ? null : pab)
                    .versioning(i % 3 == 0 ? "Enabled" : null).build());
        }
        return Facts.builder().logGroups(groups).buckets(bucketList).build();
    }
}
