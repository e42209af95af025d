package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.CloudFrontDistribution;
import io.tenken.findings.Finding;
import io.tenken.findings.Status;
import io.tenken.pipeline.Analysis;
import io.tenken.pipeline.AnalysisConfig;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * CloudFront standard logging v2 (CloudWatch Logs vended-log deliveries in us-east-1) against
 * moto 5.2.5, which serves PutDeliverySource / PutDeliveryDestination / CreateDelivery and the
 * three Describe listings: CLOUDFRONT-03 passes a distribution logged through a delivery, fails
 * one whose ACCESS_LOGS source has no delivery, and is ERROR (only where the legacy block is off)
 * when a listing is denied under moto's IAM enforcement.
 */
@ExtendWith(MotoServerExtension.class)
class CloudFrontLoggingV2Test {

    private static String arn(String id) {
        return "arn:aws:cloudfront::" + Moto.ACCOUNT + ":distribution/" + id;
    }

    /** Legacy-logged, v2 to S3, v2 to a log group, a source with no delivery, nothing at all. */
    private static Map<String, String> seed() {
        CloudFrontClient cf = Moto.client(CloudFrontClient.builder(), "us-east-1");
        String legacy = Seeds.distribution(cf, "legacy", null, "redirect-to-https", false, true);
        String toS3 = Seeds.distribution(cf, "v2-s3", null, "redirect-to-https", false);
        String toLogs = Seeds.distribution(cf, "v2-logs", null, "redirect-to-https", false);
        String sourceOnly = Seeds.distribution(cf, "source-only", null, "redirect-to-https", false);
        String none = Seeds.distribution(cf, "none", null, "redirect-to-https", false);
        CloudWatchLogsClient logs = Moto.client(CloudWatchLogsClient.builder(), "us-east-1");
        String s3Dest = logs.putDeliveryDestination(r -> r.name("cf-s3")
                .deliveryDestinationConfiguration(c -> c.destinationResourceArn("arn:aws:s3:::genu-cf-logs")))
                .deliveryDestination().arn();
        String cwlDest = logs.putDeliveryDestination(r -> r.name("cf-cwl").deliveryDestinationConfiguration(c -> c
                .destinationResourceArn("arn:aws:logs:us-east-1:" + Moto.ACCOUNT + ":log-group:/cloudfront/genu")))
                .deliveryDestination().arn();
        logs.putDeliverySource(r -> r.name("src-s3").resourceArn(arn(toS3)).logType("ACCESS_LOGS"));
        logs.putDeliverySource(r -> r.name("src-cwl").resourceArn(arn(toLogs)).logType("ACCESS_LOGS"));
        logs.putDeliverySource(r -> r.name("src-orphan").resourceArn(arn(sourceOnly)).logType("ACCESS_LOGS"));
        logs.createDelivery(r -> r.deliverySourceName("src-s3").deliveryDestinationArn(s3Dest));
        logs.createDelivery(r -> r.deliverySourceName("src-cwl").deliveryDestinationArn(cwlDest));
        return Map.of("legacy", arn(legacy), "toS3", arn(toS3), "toLogs", arn(toLogs), "sourceOnly", arn(sourceOnly),
                "none", arn(none));
    }

    private static CloudFrontDistribution fact(Snapshot s, String arn) {
        return s.getFacts().getCloudFrontDistributions().stream().filter(d -> d.getArn().equals(arn)).findFirst()
                .orElseThrow();
    }

    private static Map<String, Status> cloudFront03(Snapshot s) {
        Map<String, Status> out = new TreeMap<>();
        for (Finding f : Analysis.prepare(AnalysisConfig.defaults()).report(new LoadedSnapshot(s, "0".repeat(64))).findings()) {
            if (f.ruleId().equals("CLOUDFRONT-03")) {
                out.put(f.resourceId(), f.status());
            }
        }
        return out;
    }

    @Test
    void aDistributionLoggedThroughAVendedLogDeliveryPasses() {
        Map<String, String> d = seed();

        Snapshot s = ScanTestSupport.scan(List.of("cloudfront"), "ap-northeast-1");

        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        assertEquals(List.of("S3 arn:aws:s3:::genu-cf-logs"), fact(s, d.get("toS3")).getAccessLogDeliveries());
        assertEquals(List.of("CWL arn:aws:logs:us-east-1:" + Moto.ACCOUNT + ":log-group:/cloudfront/genu"),
                fact(s, d.get("toLogs")).getAccessLogDeliveries());
        assertEquals(List.of(), fact(s, d.get("sourceOnly")).getAccessLogDeliveries(), "a source without a delivery logs nothing");
        assertEquals(List.of(), fact(s, d.get("none")).getAccessLogDeliveries());
        assertEquals(List.of(), fact(s, d.get("legacy")).getAccessLogDeliveries());
        assertEquals(1 + 5 + 3, s.getServices().get("cloudfront").getApiCalls(),
                "ListDistributions, GetDistributionConfig per distribution, one page of each delivery listing");

        Map<String, Status> st = cloudFront03(s);
        assertEquals(Status.PASS, st.get(d.get("legacy")));
        assertEquals(Status.PASS, st.get(d.get("toS3")));
        assertEquals(Status.PASS, st.get(d.get("toLogs")));
        assertEquals(Status.FAIL, st.get(d.get("sourceOnly")));
        assertEquals(Status.FAIL, st.get(d.get("none")));
    }

    @Test
    void aDeniedDeliveryListingIsErrorWhereTheLegacyBlockIsOffAndNowhereElse() throws Exception {
        Map<String, String> d = seed();
        // The shipped policy without logs:DescribeDeliveries: moto answers AccessDenied.
        String policy = IamEnforcementTest.scanPolicy().replace("\"logs:DescribeDeliveries\",", "");
        assertTrue(!policy.contains("\"logs:DescribeDeliveries\""));
        var creds = IamEnforcementTest.scanner("no-deliveries", policy);
        Snapshot s;
        try {
            MotoServerExtension.enforceIam(true);
            s = new Scanner().scan(Moto.options("ap-northeast-1").services(List.of("cloudfront"))
                    .credentialsProvider(creds).build());
        } finally {
            MotoServerExtension.enforceIam(false);
        }

        assertEquals(List.of("logs:DescribeDeliveries"), s.getErrors().stream().map(e -> e.getOperation()).toList(),
                () -> ScanTestSupport.describe(s.getErrors()));
        assertEquals(null, fact(s, d.get("toS3")).getAccessLogDeliveries());
        Map<String, Status> st = cloudFront03(s);
        assertEquals(Status.PASS, st.get(d.get("legacy")), "the legacy block decides without the v2 listing");
        for (String key : List.of("toS3", "toLogs", "sourceOnly", "none")) {
            assertEquals(Status.ERROR, st.get(d.get(key)), key);
        }
        Finding f = Analysis.prepare(AnalysisConfig.defaults()).report(new LoadedSnapshot(s, "0".repeat(64))).findings()
                .stream().filter(x -> x.ruleId().equals("CLOUDFRONT-03") && x.resourceId().equals(d.get("none")))
                .findFirst().orElseThrow();
        assertNotNull(f.observed());
        assertTrue(f.observed().toString().contains("DescribeDeliveries"), f.observed().toString());
    }
}
