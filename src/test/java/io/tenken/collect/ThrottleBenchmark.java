package io.tenken.collect;

import io.tenken.snapshot.ServiceStatus;
import io.tenken.snapshot.Snapshot;
import java.util.List;

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
        int[] size = {1000, 1000, 300, 20, 10};
        double throttle = 0.10;
        int latency = 20;
        for (int i = 0; i < args.length - 1; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--throttle" -> throttle = Double.parseDouble(v);
                case "--latency-ms" -> latency = Integer.parseInt(v);
                case "--buckets" -> size[0] = Integer.parseInt(v);
                case "--log-groups" -> size[1] = Integer.parseInt(v);
                case "--roles" -> size[2] = Integer.parseInt(v);
                case "--user-pools" -> size[3] = Integer.parseInt(v);
                case "--web-acls" -> size[4] = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> regions = List.of("ap-northeast-1", "us-east-1");
        MotoServerExtension.start();
        MotoServerExtension.reset();
        ScanBenchmark.seed(size[0], size[1], size[2], size[3], size[4], regions);
        System.out.printf("seeded %d buckets, %d log groups, %d roles, %d user pools, %d web ACLs; latency %d ms%n",
                size[0], size[1], size[2], size[3], size[4], latency);
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
