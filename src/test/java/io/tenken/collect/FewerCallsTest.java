package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.findings.Report;
import io.tenken.pipeline.Analysis;
import io.tenken.pipeline.AnalysisConfig;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.ServiceStatus;
import io.tenken.snapshot.Snapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

    private static Snapshot scan(BedrockGuardrailStub stub, boolean everyBucketRead) {
        return new Scanner().scan(Moto.options(stub.endpoint(), REGIONS.toArray(String[]::new))
                .everyBucketRead(everyBucketRead).maxAttempts(2).progress(false).build());
    }

    private static long total(Snapshot s) {
        return s.getServices().values().stream().mapToLong(ServiceStatus::getApiCalls).sum();
    }
}
