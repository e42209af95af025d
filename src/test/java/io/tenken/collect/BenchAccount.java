package io.tenken.collect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a benchmark account and the options every scan benchmark takes for it
 * ({@code --buckets --log-groups --roles --user-pools --web-acls --latency-ms}), plus the options
 * of one benchmark ({@code extra}: name → default). Benchmarks only, not tests.
 */
final class BenchAccount {
    static final List<String> REGIONS = List.of("ap-northeast-1", "us-east-1");

    int buckets;
    int logGroups;
    int roles;
    int userPools;
    int webAcls;
    int latencyMs;
    private final Map<String, String> extra;

    private BenchAccount(int[] size, int latencyMs, Map<String, String> extra) {
        buckets = size[0];
        logGroups = size[1];
        roles = size[2];
        userPools = size[3];
        webAcls = size[4];
        this.latencyMs = latencyMs;
        this.extra = new LinkedHashMap<>(extra);
    }

    /** The full benchmark account (1,000 buckets, 1,000 log groups, 300 roles, 20 pools, 10 ACLs). */
    static BenchAccount parse(String[] args, int latencyMs, Map<String, String> extra) {
        return parse(args, new int[] {1000, 1000, 300, 20, 10}, latencyMs, extra);
    }

    /** {@code size}: buckets, log groups, roles, user pools, web ACLs by default. */
    static BenchAccount parse(String[] args, int[] size, int latencyMs, Map<String, String> extra) {
        BenchAccount a = new BenchAccount(size, latencyMs, extra);
        for (int i = 0; i < args.length - 1; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--buckets" -> a.buckets = Integer.parseInt(v);
                case "--log-groups" -> a.logGroups = Integer.parseInt(v);
                case "--roles" -> a.roles = Integer.parseInt(v);
                case "--user-pools" -> a.userPools = Integer.parseInt(v);
                case "--web-acls" -> a.webAcls = Integer.parseInt(v);
                case "--latency-ms" -> a.latencyMs = Integer.parseInt(v);
                default -> {
                    if (!a.extra.containsKey(args[i])) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                    a.extra.put(args[i], v);
                }
            }
        }
        return a;
    }

    int intOption(String name) {
        return Integer.parseInt(extra.get(name));
    }

    double doubleOption(String name) {
        return Double.parseDouble(extra.get(name));
    }

    /** Starts moto, empties it and seeds this account in {@link #REGIONS}. */
    void seedInFreshMoto() throws Exception {
        MotoServerExtension.start();
        MotoServerExtension.reset();
        ScanBenchmark.seed(buckets, logGroups, roles, userPools, webAcls, REGIONS);
        System.out.printf("seeded %d buckets, %d log groups, %d roles, %d user pools, %d web ACLs; %d ms a call%n",
                buckets, logGroups, roles, userPools, webAcls, latencyMs);
    }

    /** Seeds this account under {@code prefix} (the organisation benchmark: one prefix an account). */
    void seed(String prefix) throws Exception {
        ScanBenchmark.seed(prefix, buckets, logGroups, roles, userPools, webAcls, REGIONS);
    }

    @Override
    public String toString() {
        return String.format("%d buckets, %d log groups, %d roles, %d user pools, %d web ACLs", buckets, logGroups,
                roles, userPools, webAcls);
    }
}
