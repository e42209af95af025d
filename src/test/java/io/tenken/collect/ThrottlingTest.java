package io.tenken.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.Bucket;
import io.tenken.facts.CollectionError;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.Status;
import io.tenken.pipeline.Analysis;
import io.tenken.pipeline.AnalysisConfig;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.ServiceStatus;
import io.tenken.snapshot.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;

/**
 * Retries under throttling, through {@link FaultyFront} (WireMock before moto: moto never
 * throttles), answering with S3's documented throttling error (503 SlowDown) and the JSON and
 * Query protocols' ThrottlingException / Throttling. Behaviour only, no timing: throttled calls are
 * retried until they succeed, one more attempt per throttled answer and no other; retries keep
 * going past the point where the SDK's default retry quota (500 tokens, 5 a retry, per client)
 * would have stopped them; a call is a collection error only once every attempt was throttled; and
 * the throttled scan's snapshot and verdicts are those of the clean scan.
 */
@ExtendWith(MotoServerExtension.class)
class ThrottlingTest {
    private static final String REGION = "us-east-1";

    @Test
    void throttledCallsAreRetriedPastTheDefaultQuotaAndTheSnapshotIsTheSame() throws Exception {
        seedBuckets(70);
        Run clean = scanS3(0, 10);
        Run throttled = scanS3(0.2, 10);

        // One S3 client (one region) met more throttling than the SDK's default quota allows
        // retries for (500 / 5 = 100): with the circuit breaker on, the rest would have failed.
        assertTrue(throttled.throttled > 100, "throttled answers: " + throttled.throttled);
        assertEquals(List.of(), throttled.snapshot.getErrors());
        assertEquals(clean.snapshot.getFacts(), throttled.snapshot.getFacts());
        // Each throttled answer cost exactly one more attempt, and every attempt was counted.
        assertEquals(calls(clean.snapshot) + throttled.throttled, calls(throttled.snapshot));
        assertEquals(throttled.requests, calls(throttled.snapshot), "the front saw every attempt counted");
        assertEquals(findings(clean.snapshot), findings(throttled.snapshot));
    }

    /**
     * The whole checklist on a modest GenU account (every collector, both regions) scanned clean and
     * with 10% of requests throttled in every protocol: the same facts, errors and verdicts.
     */
    @Test
    void aThrottledScanOfAWholeAccountGivesTheSameVerdicts() throws Exception {
        GenuSeed.seed(GenuSeed.Profile.HARDENED);
        ScanBenchmark.seed(10, 10, 4, 1, 1, FewerCallsTest.REGIONS);
        Snapshot clean;
        Snapshot throttled;
        long refused;
        try (FaultyFront front = new FaultyFront(MotoServerExtension.endpoint(), 0, 0)) {
            clean = new Scanner().scan(wholeAccount(front));
        }
        try (FaultyFront front = new FaultyFront(MotoServerExtension.endpoint(), 0, 0.10)) {
            throttled = new Scanner().scan(wholeAccount(front));
            refused = front.throttled();
        }
        assertTrue(refused > 0, "some requests were throttled");
        assertEquals(clean.getErrors(), throttled.getErrors(), () -> ScanTestSupport.describe(throttled.getErrors()));
        assertEquals(clean.getFacts(), throttled.getFacts());
        assertEquals(findings(clean), findings(throttled));
    }

    private static ScanOptions wholeAccount(FaultyFront front) {
        return Moto.options(FewerCallsTest.REGIONS.toArray(String[]::new)).endpointUrl(front.endpoint())
                .maxAttempts(10).build();
    }

    @Test
    void aCallIsAnErrorOnlyWhenEveryAttemptWasThrottled() throws Exception {
        seedBuckets(10);
        Moto.s3(REGION).createBucket(r -> r.bucket("throttled-always"));
        Moto.s3(REGION).createBucket(r -> r.bucket("throttled-three-times"));
        Snapshot clean = scanS3(0, 4).snapshot;
        int attempts = 4;
        Snapshot s;
        try (FaultyFront front = new FaultyFront(MotoServerExtension.endpoint(), 0, 0)) {
            front.throttleS3(() -> get(urlPathEqualTo("/throttled-always")).withQueryParam("policy", matching(".*")), -1);
            front.throttleS3(() -> get(urlPathEqualTo("/throttled-three-times"))
                    .withQueryParam("encryption", matching(".*")), attempts - 1);
            s = new Scanner().scan(options(front, attempts).build());
        }

        CollectionError only = s.getErrors().get(0);
        assertEquals(1, s.getErrors().size(), ScanTestSupport.describe(s.getErrors()));
        assertEquals(List.of("s3", REGION, "GetBucketPolicy", "SlowDown", "arn:aws:s3:::throttled-always"),
                List.of(only.getService(), only.getRegion(), only.getOperation(), only.getErrorCode(),
                        only.getResourceId()));
        Map<String, Long> cleanCalls = clean.getServices().get("s3").getCalls();
        Map<String, Long> calls = s.getServices().get("s3").getCalls();
        assertEquals(cleanCalls.get("S3.GetBucketPolicy") + attempts - 1, calls.get("S3.GetBucketPolicy"),
                "every attempt made before giving up");
        assertEquals(cleanCalls.get("S3.GetBucketEncryption") + attempts - 1, calls.get("S3.GetBucketEncryption"),
                "throttled three times, then answered");
        assertEquals(bucket(clean, "throttled-three-times"), bucket(s, "throttled-three-times"));
        assertEquals(bucket(clean, "throttled-always").toBuilder().policyJson(null).build(),
                bucket(s, "throttled-always").withUnknown(java.util.Map.of()), "only the policy is missing");
        assertEquals(java.util.Set.of("policyJson"), bucket(s, "throttled-always").getUnknown().keySet(),
                "and it is unknown, not absent");

        // The verdict that reads the policy is ERROR; the bucket whose call was answered in the end
        // is judged as in the clean scan.
        assertEquals(Status.ERROR, statuses(s, "arn:aws:s3:::throttled-always").get("S3-05"));
        assertEquals(statuses(clean, "arn:aws:s3:::throttled-three-times"),
                statuses(s, "arn:aws:s3:::throttled-three-times"));
    }

    @Test
    void retriesAreStandardWithoutTheAdaptiveClientSideRateLimiter() {
        // The adaptive mode cut a scan from 55 to 3.5 requests a second after throttling errors.
        assertFalse(Retries.strategy(5) instanceof AdaptiveRetryStrategy);
        assertEquals(5, Retries.strategy(5).maxAttempts());
    }

    private record Run(Snapshot snapshot, long requests, long throttled) {
    }

    private static Run scanS3(double throttleRate, int maxAttempts) {
        try (FaultyFront front = new FaultyFront(MotoServerExtension.endpoint(), 0, throttleRate)) {
            Snapshot s = new Scanner().scan(options(front, maxAttempts).build());
            return new Run(s, front.requests(), front.throttled());
        }
    }

    private static ScanOptions.ScanOptionsBuilder options(FaultyFront front, int maxAttempts) {
        return Moto.options(REGION).endpointUrl(front.endpoint()).services(List.of("s3")).maxAttempts(maxAttempts);
    }

    private static void seedBuckets(int n) {
        var s3 = Moto.s3(REGION);
        IntStream.range(0, n).forEach(i -> {
            String name = String.format("throttle-%03d", i);
            s3.createBucket(r -> r.bucket(name));
            if (i % 2 == 0) {
                s3.putBucketEncryption(r -> r.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(
                        x -> x.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("AES256")))));
            }
        });
    }

    private static long calls(Snapshot s) {
        return s.getServices().values().stream().mapToLong(ServiceStatus::getApiCalls).sum();
    }

    private static Bucket bucket(Snapshot s, String name) {
        return s.getFacts().getBuckets().stream().filter(b -> b.getName().equals(name)).findFirst().orElseThrow();
    }

    private static List<Finding> findings(Snapshot s) {
        return report(s).findings();
    }

    private static Map<String, Status> statuses(Snapshot s, String resourceId) {
        Map<String, Status> out = new java.util.TreeMap<>();
        report(s).findings().stream().filter(f -> resourceId.equals(f.resourceId()))
                .forEach(f -> out.put(f.ruleId(), f.status()));
        return out;
    }

    private static Report report(Snapshot s) {
        return Analysis.prepare(AnalysisConfig.defaults()).report(new LoadedSnapshot(s, "0".repeat(64)));
    }
}
