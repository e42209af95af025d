package io.tenken.collect;

import io.tenken.snapshot.ServiceStatus;
import io.tenken.snapshot.Snapshot;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (not a test): the benchmark account scanned through {@link FaultyFront} twice, clean
 * and with a share of requests throttled, printing both wall times, their ratio, requests and
 * whether the two snapshots hold the same facts and errors. Run with src/bench/throttle-bench.sh
 * [--throttle 0.10] [--latency-ms 20] [--buckets 1000 --log-groups 1000 --roles 300 --user-pools 20 --web-acls 10].
 */
public final class ThrottleBenchmark {
    private ThrottleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchAccount account = BenchAccount.parse(args, 20, Map.of("--throttle", "0.10"));
        double throttle = account.doubleOption("--throttle");
        int latency = account.latencyMs;
        List<String> regions = BenchAccount.REGIONS;
        account.seedInFreshMoto();
        // Warm-up (not measured): the first scan in a JVM pays class loading and JIT for every client.
        run(0, latency, regions);
        Run clean = run(0, latency, regions);
        Run throttled = run(throttle, latency, regions);
        System.out.printf("%nclean      %7.1f s  %6d requests%n", clean.ms / 1000.0, clean.requests);
        System.out.printf("throttled  %7.1f s  %6d requests, %d refused with throttling errors (%.1f%%)%n",
                throttled.ms / 1000.0, throttled.requests, throttled.throttled,
                100.0 * throttled.throttled / Math.max(1, throttled.requests));
        System.out.printf("throttled/clean wall time: %.2f%n", throttled.ms / (double) clean.ms);
        System.out.printf("collection errors: clean %d, throttled %d%n", clean.snapshot.getErrors().size(),
                throttled.snapshot.getErrors().size());
        boolean same = clean.snapshot.getFacts().equals(throttled.snapshot.getFacts())
                && clean.snapshot.getErrors().equals(throttled.snapshot.getErrors());
        System.out.println("same facts and errors: " + same);
        if (!throttled.snapshot.getErrors().isEmpty()) {
            System.out.println(ScanTestSupport.describe(throttled.snapshot.getErrors().subList(0,
                    Math.min(10, throttled.snapshot.getErrors().size()))));
        }
        System.exit(0);
    }

    private record Run(long ms, long requests, long throttled, Snapshot snapshot) {
    }

    private static Run run(double throttle, int latency, List<String> regions) {
        try (FaultyFront front = new FaultyFront(MotoServerExtension.endpoint(), latency, throttle)) {
            long t0 = System.nanoTime();
            Snapshot s = new Scanner().scan(Moto.options(regions.toArray(String[]::new))
                    .endpointUrl(front.endpoint()).maxAttempts(5).progress(false).build());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long calls = s.getServices().values().stream().mapToLong(ServiceStatus::getApiCalls).sum();
            System.out.printf("throttle %.0f%%: %.1f s, %d API calls sent by Tenken, %d errors%n", throttle * 100,
                    ms / 1000.0, calls, s.getErrors().size());
            return new Run(ms, front.requests(), front.throttled(), s);
        }
    }
}
