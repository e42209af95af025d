package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.InvalidInputException;

import io.tenken.findings.Report;
import io.tenken.pipeline.Analysis;
import io.tenken.pipeline.AnalysisConfig;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.ServiceStatus;
import io.tenken.snapshot.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads targeted at the buckets a rule looks at (versioning and Object Lock for the CloudTrail
 * bucket, lifecycle for log buckets) give the same report as reading every setting of every
 * bucket, with fewer calls. The account is the benchmark's shape, small: the hardened GenU app
 * (trail, invocation logging, log buckets) plus many plain buckets, log groups, roles, pools, ACLs.
 */
@ExtendWith(MotoServerExtension.class)
class FewerCallsTest {
    static final List<String> REGIONS = List.of("ap-northeast-1", "us-east-1");

    @Test
    void targetedReadsGiveTheSameReportWithFewerCalls() throws Exception {
        GenuSeed.seed(GenuSeed.Profile.HARDENED);
        ScanBenchmark.seed(40, 20, 5, 2, 2, REGIONS);
        Snapshot every;
        Snapshot targeted;
        try (BedrockGuardrailStub stub = BedrockGuardrailStub.withGuardrail()) {
            every = scan(stub, true);
            targeted = scan(stub, false);
        }
        assertEquals(List.of(), targeted.getErrors());
        Analysis analysis = Analysis.prepare(AnalysisConfig.defaults());
        Report a = analysis.report(new LoadedSnapshot(every, "0".repeat(64)));
        Report b = analysis.report(new LoadedSnapshot(targeted, "0".repeat(64)));
        assertEquals(a.findings(), b.findings(), "same verdicts, same evidence");

        Map<String, Long> s3Every = every.getServices().get("s3").getCalls();
        Map<String, Long> s3 = targeted.getServices().get("s3").getCalls();
        long buckets = targeted.getFacts().getBuckets().size();
        long trailBuckets = targeted.getFacts().getTrails().stream().map(t -> t.getS3BucketName()).distinct().count();
        assertEquals(buckets, s3Every.get("S3.GetBucketVersioning"));
        assertEquals(trailBuckets, s3.get("S3.GetBucketVersioning"), s3.toString());
        assertEquals(trailBuckets, s3.get("S3.GetObjectLockConfiguration"), s3.toString());
        assertTrue(s3.get("S3.GetBucketLifecycleConfiguration") < buckets / 2, s3.toString());
        assertEquals(buckets, s3.get("S3.GetBucketEncryption"));
        assertTrue(total(targeted) < total(every), total(targeted) + " < " + total(every));
        // Every call is accounted to an operation.
        for (ServiceStatus st : targeted.getServices().values()) {
            assertEquals(st.getApiCalls(), st.getCalls().values().stream().mapToLong(Long::longValue).sum());
        }
    }

    /**
     * Bucket tags are read only when the policy classifies buckets by tag (S3-02 is the only
     * reader): without, the same report for one call a bucket less, and the snapshot says the
     * tags were not read, so evaluating it with a tag policy is refused rather than taking every
     * bucket for untagged.
     */
    @Test
    void bucketTagsAreReadOnlyForAPolicyThatClassifiesBucketsByTag(@TempDir Path dir) throws Exception {
        GenuSeed.seed(GenuSeed.Profile.HARDENED);
        ScanBenchmark.seed(20, 4, 2, 1, 1, REGIONS);
        Moto.s3("us-east-1").putBucketTagging(r -> r.bucket("bench-bucket-00001")
                .tagging(t -> t.tagSet(x -> x.key("classification").value("confidential"))));
        Snapshot withTags;
        Snapshot without;
        try (BedrockGuardrailStub stub = BedrockGuardrailStub.withGuardrail()) {
            withTags = new Scanner().scan(options(stub).build());
            without = new Scanner().scan(options(stub).bucketTags(false).build());
        }
        assertEquals(List.of(), without.getErrors());
        Map<String, Long> with = withTags.getServices().get("s3").getCalls();
        Map<String, Long> s3 = without.getServices().get("s3").getCalls();
        long buckets = without.getFacts().getBuckets().size();
        assertEquals(buckets, with.get("S3.GetBucketTagging"));
        assertNull(s3.get("S3.GetBucketTagging"), s3.toString());
        Map<String, Long> otherwise = new java.util.TreeMap<>(with);
        otherwise.remove("S3.GetBucketTagging");
        assertEquals(otherwise, s3, "every other S3 call the same");
        assertEquals(List.of("GetBucketTagging"), without.getServices().get("s3").getNotRead());
        assertEquals(List.of(), withTags.getServices().get("s3").getNotRead());

        Analysis defaults = Analysis.prepare(AnalysisConfig.defaults());
        assertFalse(defaults.needsBucketTags());
        assertEquals(defaults.report(loaded(withTags)).findings(), defaults.report(loaded(without)).findings());

        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "sensitiveBucketTags: {classification: \"confidential\"}\n");
        Analysis byTag = Analysis.prepare(AnalysisConfig.defaults().toBuilder().policyFile(policy).build());
        assertTrue(byTag.needsBucketTags());
        assertTrue(byTag.report(loaded(withTags)).findings().stream()
                .anyMatch(f -> f.ruleId().equals("S3-02") && f.resourceId().endsWith(":bench-bucket-00001")));
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> byTag.report(loaded(without)));
        assertTrue(refused.getMessage().contains("sensitiveBucketTags"), refused.getMessage());
    }

    private static LoadedSnapshot loaded(Snapshot s) {
        return new LoadedSnapshot(s, "0".repeat(64));
    }

    private static ScanOptions.ScanOptionsBuilder options(BedrockGuardrailStub stub) {
        return Moto.options(stub.endpoint(), REGIONS.toArray(String[]::new)).maxAttempts(2).progress(false);
    }

    private static Snapshot scan(BedrockGuardrailStub stub, boolean everyBucketRead) {
        return new Scanner().scan(Moto.options(stub.endpoint(), REGIONS.toArray(String[]::new))
                .everyBucketRead(everyBucketRead).maxAttempts(2).progress(false).build());
    }

    private static long total(Snapshot s) {
        return s.getServices().values().stream().mapToLong(ServiceStatus::getApiCalls).sum();
    }
}
