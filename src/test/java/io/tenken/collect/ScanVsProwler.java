package io.tenken.collect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (not a test): seeds moto, puts {@link FaultyFront} before it with a fixed latency per
 * call (50 ms, as AWS), and runs Tenken ({@code scan}, a fresh JVM) and Prowler (same regions,
 * the checklist's services) against it alternately, printing for each run its wall time, the API
 * calls the front received and the peak resident memory ({@code /usr/bin/time}), then the medians
 * and ratios. Run with src/bench/scan-vs-prowler.sh (see there for options).
 */
public final class ScanVsProwler {
    private ScanVsProwler() {
    }

    public static void main(String[] args) throws Exception {
        BenchAccount account = BenchAccount.parse(args, 50, Map.of("--runs", "3"));
        int runs = account.intOption("--runs");
        int latency = account.latencyMs;
        List<String> regions = BenchAccount.REGIONS;
        String prowler = System.getenv().getOrDefault("PROWLER", "/work/prowler-venv/bin/prowler");
        String classpath = System.getProperty("java.class.path");
        account.seedInFreshMoto();
        Path work = Files.createTempDirectory("tenken-vs-prowler");
        List<long[]> tenken = new ArrayList<>();
        List<long[]> prow = new ArrayList<>();
        // ListBuckets answered as AWS does (with BucketRegion) for both tools: moto omits it.
        try (FaultyFront front = new FaultyFront(MotoServerExtension.endpoint(), latency, 0).listBucketsAsAws()) {
            String endpoint = front.endpoint().toString();
            // Warm-up (not measured): the first requests after seeding find the latency front's JIT
            // and moto cold (each tool's first run was 2-25% slower); AWS's endpoints are always warm.
            timed("warm-up (not counted)", front, tenkenScan(classpath, endpoint, regions, work.resolve("warm-up")),
                    Map.of());
            for (int r = 1; r <= runs; r++) {
                Path t = work.resolve("tenken-" + r);
                tenken.add(timed("tenken  run " + r, front, tenkenScan(classpath, endpoint, regions, t), Map.of()));
                Path p = work.resolve("prowler-" + r);
                List<String> cmd = new ArrayList<>(List.of(prowler, "aws", "--region", regions.get(0), regions.get(1),
                        "--service", "cognito", "wafv2", "s3", "cloudtrail", "cloudwatch", "iam", "kms", "bedrock",
                        "cloudfront", "--no-banner", "-M", "csv", "json-ocsf", "-o", p.toString()));
                prow.add(timed("prowler run " + r, front, cmd, Map.of("AWS_ENDPOINT_URL", endpoint)));
            }
        }
        long[] tm = median(tenken);
        long[] pm = median(prow);
        System.out.printf("%nmedian   %-8s %9s %8s %10s%n", "", "wall s", "calls", "peak MiB");
        System.out.printf("         %-8s %9.1f %8d %10.0f%n", "Tenken", tm[0] / 1000.0, tm[1], tm[2] / 1024.0);
        System.out.printf("         %-8s %9.1f %8d %10.0f%n", "Prowler", pm[0] / 1000.0, pm[1], pm[2] / 1024.0);
        System.out.printf("Prowler/Tenken wall time: %.1fx; Tenken/Prowler calls: %.2f; Tenken/Prowler peak memory: %.2f%n",
                pm[0] / (double) tm[0], tm[1] / (double) pm[1], tm[2] / (double) pm[2]);
        StringBuilder pairs = new StringBuilder();
        for (int r = 0; r < runs; r++) {
            pairs.append(r == 0 ? "" : ", ").append(String.format("%.1fx", prow.get(r)[0] / (double) tenken.get(r)[0]));
        }
        System.out.println("Prowler/Tenken wall time pair by pair: " + pairs);
        System.exit(0);
    }

    private static List<String> tenkenScan(String classpath, String endpoint, List<String> regions, Path out) {
        return List.of("java", "-Xmx1g",
                // The JVM options the ./tenken launcher runs with (a scan is short: C1 only, serial GC).
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "io.tenken.cli.Main", "scan",
                "--endpoint-url", endpoint, "--region", regions.get(0), "--region", regions.get(1),
                "--format", "json", "--out", out.toString());
    }

    /** Runs a command under /usr/bin/time; returns {wall ms, requests the front saw, max RSS KiB}. */
    private static long[] timed(String name, FaultyFront front, List<String> command, Map<String, String> env)
            throws Exception {
        Path err = Files.createTempFile("bench", ".err");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "MAXRSS %M\nCPU %U %S"));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        pb.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_DEFAULT_REGION", "us-east-1"));
        pb.environment().putAll(env);
        String loadBefore = load();
        long before = front.requests();
        long t0 = System.nanoTime();
        int code = pb.start().waitFor();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long calls = front.requests() - before;
        long rss = Files.readAllLines(err).stream().filter(l -> l.startsWith("MAXRSS ")).mapToLong(
                l -> Long.parseLong(l.substring(7).trim())).findFirst().orElse(-1);
        // CPU seconds (user + system): on 2 cores the tool's own CPU is taken from moto's.
        double cpu = Files.readAllLines(err).stream().filter(l -> l.startsWith("CPU ")).mapToDouble(l -> {
            String[] p = l.substring(4).trim().split(" ");
            return Double.parseDouble(p[0]) + Double.parseDouble(p[1]);
        }).findFirst().orElse(-1);
        // The machine's load beside each run: on 2 cores a busy neighbour inflates either tool's time.
        System.out.printf("%-14s exit %d  %8.1f s  %7d calls  %6.0f MiB  %6.1f s CPU  load %s -> %s%n", name, code,
                ms / 1000.0, calls, rss / 1024.0, cpu, loadBefore, load());
        return new long[] {ms, calls, rss};
    }

    /** The one-minute load average (Linux), or "?" elsewhere. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long[] median(List<long[]> runs) {
        long[] out = new long[3];
        for (int k = 0; k < 3; k++) {
            int kk = k;
            List<Long> v = runs.stream().map(r -> r[kk]).sorted().toList();
            out[k] = v.get(v.size() / 2);
        }
        return out;
    }
}
