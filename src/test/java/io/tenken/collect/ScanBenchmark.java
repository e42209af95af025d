package io.tenken.collect;

import io.tenken.snapshot.ServiceStatus;
import io.tenken.snapshot.Snapshot;
import io.tenken.snapshot.SnapshotWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.Scope;

/**
 * Benchmark (not a test): seeds moto with a parameterised number of resources and prints scan
 * wall time, API calls per service and operation, and peak heap. Run with src/bench/scan-bench.sh, e.g.
 * {@code src/bench/scan-bench.sh --buckets 1000 --log-groups 1000 --roles 300 --user-pools 20 --web-acls 10};
 * {@code --latency-ms 50} delays every answer as AWS's would, {@code --concurrency 8,16} scans once per value.
 * <p>
 * The scan goes through {@link FaultyFront} (no latency, no faults). {@code --list-buckets aws}
 * (default) has it answer ListBuckets as AWS does, with each bucket's region; {@code moto} leaves
 * moto's answer, which lacks it and costs a GetBucketLocation a bucket (a moto artefact).
 * {@code --bucket-tags no} (default) scans as the CLI does with the built-in policy and rules,
 * which read no bucket tags; {@code yes} reads them (a policy with sensitiveBucketTags).
 */
public final class ScanBenchmark {
    /**
     * Create the buckets with ObjectOwnership BucketOwnerEnforced (ACLs disabled), as S3 does by
     * default for buckets created since April 2023; moto's default is the older one (ACLs in effect).
     */
    private static volatile boolean ownerEnforced;

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int buckets = 1000;
        int logGroups = 1000;
        int roles = 300;
        int pools = 20;
        int acls = 10;
        List<Integer> concurrencies = List.of(16);
        int latencyMs = 0;
        boolean awsListBuckets = true;
        boolean bucketTags = false;
        for (int i = 0; i < args.length - 1; i += 2) {
            if (args[i].equals("--list-buckets")) {
                awsListBuckets = switch (args[i + 1]) {
                    case "aws" -> true;
                    case "moto" -> false;
                    default -> throw new IllegalArgumentException("--list-buckets aws|moto");
                };
                continue;
            }
            if (args[i].equals("--object-ownership")) {
                ownerEnforced = args[i + 1].equals("enforced");
                continue;
            }
            if (args[i].equals("--concurrency")) {
                concurrencies = java.util.Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
                continue;
            }
            if (args[i].equals("--bucket-tags")) {
                bucketTags = args[i + 1].equals("yes");
                continue;
            }
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--buckets" -> buckets = v;
                case "--log-groups" -> logGroups = v;
                case "--roles" -> roles = v;
                case "--user-pools" -> pools = v;
                case "--web-acls" -> acls = v;
                case "--latency-ms" -> latencyMs = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> regions = List.of("ap-northeast-1", "us-east-1");
        MotoServerExtension.start();
        MotoServerExtension.reset();
        long t0 = System.nanoTime();
        seed(buckets, logGroups, roles, pools, acls, regions);
        System.out.printf("seeded %d buckets, %d log groups, %d roles (inline + managed policy each), %d user pools"
                + " (2 clients each), %d web ACLs in %.1f s%n", buckets, logGroups, roles, pools, acls,
                (System.nanoTime() - t0) / 1e9);

        try (BedrockGuardrailStub stub = BedrockGuardrailStub.withGuardrail();
             FaultyFront front = new FaultyFront(MotoServerExtension.endpoint(), latencyMs, 0)) {
            if (awsListBuckets) {
                front.listBucketsAsAws();
            }
            for (int concurrency : concurrencies) {
                scan(stub, front, regions, concurrency, latencyMs, bucketTags, awsListBuckets);
            }
        }
        System.exit(0);
    }

    private static void scan(BedrockGuardrailStub stub, FaultyFront front, List<String> regions, int concurrency,
                             int latencyMs, boolean bucketTags, boolean awsListBuckets) {
        {
            // Warm-up on an empty service set is not representative; run the scan once cold, as a CLI would.
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long heapBefore = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            long start = System.nanoTime();
            Snapshot s = new Scanner().scan(Moto.options(stub.endpoint(), regions.toArray(String[]::new))
                    .endpointUrl(front.endpoint()).bucketTags(bucketTags)
                    .maxAttempts(3).perServiceConcurrency(concurrency).progress(false).build());
            long wallMs = (System.nanoTime() - start) / 1_000_000;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            byte[] json = SnapshotWriter.toBytes(s);

            System.out.printf("%nscan of %s regions %s, %d ms a call, per-service concurrency %d; ListBuckets answered as %s;"
                    + " bucket tags %s; buckets created with %s%n", s.getAccountId(), regions, latencyMs, concurrency,
                    awsListBuckets ? "AWS does (BucketRegion)" : "moto does (no BucketRegion)",
                    bucketTags ? "read" : "not read (no check reads them)", ownerEnforced
                            ? "ACLs disabled (BucketOwnerEnforced, S3's default since April 2023)" : "ACLs in effect (moto's default)");
            System.out.printf("%-12s %-9s %9s %10s%n", "service", "status", "apiCalls", "elapsedMs");
            long total = 0;
            for (Map.Entry<String, ServiceStatus> e : s.getServices().entrySet()) {
                System.out.printf("%-12s %-9s %9d %10d%n", e.getKey(), e.getValue().getStatus(),
                        e.getValue().getApiCalls(), e.getValue().getElapsedMs());
                total += e.getValue().getApiCalls();
            }
            System.out.printf("%-12s %-9s %9d %10d%n", "TOTAL", "", total, wallMs);
            System.out.printf("%ncalls per operation%n");
            s.getServices().forEach((svc, st) -> st.getCalls().forEach((op, n) ->
                    System.out.printf("  %-12s %-48s %7d%s%n", svc, op, n, op.equals("S3.GetBucketLocation")
                            ? "  moto artefact: AWS's ListBuckets gives BucketRegion" : "")));
            s.getServices().forEach((svc, st) -> st.getNotRead().forEach(op ->
                    System.out.printf("  %-12s %-48s %7s%n", svc, op, "not read")));
            System.out.printf("%nwall time      %.2f s%n", wallMs / 1000.0);
            System.out.printf("API calls      %d (%.0f calls/s)%n", total, total * 1000.0 / wallMs);
            System.out.printf("peak heap      %.1f MiB (before scan %.1f MiB; max %d MiB)%n", peak / 1048576.0,
                    heapBefore / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
            System.out.printf("facts          %d buckets, %d log groups, %d principals, %d policy statements, "
                    + "%d user pools, %d web ACLs%n", s.getFacts().getBuckets().size(), s.getFacts().getLogGroups().size(),
                    s.getFacts().getIamPrincipals().size(), s.getFacts().getPolicyStatements().size(),
                    s.getFacts().getUserPools().size(), s.getFacts().getWebAcls().size());
            System.out.printf("snapshot       %.1f MiB, %d collection errors%n", json.length / 1048576.0, s.getErrors().size());
            if (!s.getErrors().isEmpty()) {
                System.out.println(ScanTestSupport.describe(s.getErrors().subList(0, Math.min(10, s.getErrors().size()))));
            }
        }
    }

    static void seed(int buckets, int logGroups, int roles, int pools, int acls, List<String> regions) throws Exception {
        seed("", buckets, logGroups, roles, pools, acls, regions);
    }

    /** As {@link #seed(int, int, int, int, int, List)}, bucket names prefixed (S3 names are global across accounts). */
    static void seed(String bucketPrefix, int buckets, int logGroups, int roles, int pools, int acls, List<String> regions)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            parallel(pool, buckets, i -> {
                String region = regions.get(i % regions.size());
                var s3 = Moto.s3(region);
                String name = String.format("%sbench-bucket-%05d", bucketPrefix, i);
                s3.createBucket(r -> {
                    r.bucket(name);
                    if (ownerEnforced) {
                        r.objectOwnership(software.amazon.awssdk.services.s3.model.ObjectOwnership.BUCKET_OWNER_ENFORCED);
                    }
                    if (!"us-east-1".equals(region)) {
                        r.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
                    }
                });
                if (i % 2 == 0) {
                    s3.putBucketEncryption(r -> r.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(
                            x -> x.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("AES256")))));
                }
            });
            parallel(pool, logGroups, i -> {
                String region = regions.get(i % regions.size());
                Moto.client(CloudWatchLogsClient.builder(), region)
                        .createLogGroup(r -> r.logGroupName(String.format("/aws/lambda/bench-%05d", i)));
            });
            IamClient iam = Moto.client(IamClient.builder(), "us-east-1");
            String managed = iam.createPolicy(r -> r.policyName("bench-shared").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:*\",\"Resource\":\"*\"}]}"))
                    .policy().arn();
            parallel(pool, roles, i -> {
                String name = String.format("bench-role-%04d", i);
                iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(IamBedrockCollectorsTest.LAMBDA_TRUST));
                iam.putRolePolicy(r -> r.roleName(name).policyName("bedrock").policyDocument(IamBedrockCollectorsTest.BEDROCK_ALL));
                iam.attachRolePolicy(r -> r.roleName(name).policyArn(managed));
            });
            parallel(pool, pools, i -> {
                var c = Moto.client(CognitoIdentityProviderClient.builder(), regions.get(i % regions.size()));
                String id = c.createUserPool(r -> r.poolName("bench-pool-" + i)).userPool().id();
                c.createUserPoolClient(r -> r.userPoolId(id).clientName("web"));
                c.createUserPoolClient(r -> r.userPoolId(id).clientName("admin"));
            });
            parallel(pool, acls, i -> {
                var waf = Moto.client(Wafv2Client.builder(), regions.get(i % regions.size()));
                Seeds.allowlistAcl(waf, Scope.REGIONAL, "bench-acl-" + i, "203.0.113." + (i % 250) + "/32", i % 2 == 0);
            });
        } finally {
            pool.shutdownNow();
        }
    }

    private static void parallel(ExecutorService pool, int n, IntConsumer task) throws Exception {
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            fs.add(pool.submit(() -> task.accept(k)));
        }
        for (Future<?> f : fs) {
            f.get();
        }
    }
}
