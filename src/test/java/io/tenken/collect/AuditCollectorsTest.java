package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.LogGroup;
import io.tenken.facts.Trail;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.kms.KmsClient;

/** CloudTrail, CloudWatch Logs, KMS and EC2 collectors. */
@ExtendWith(MotoServerExtension.class)
class AuditCollectorsTest {
    @Test
    void collectsTrailsWithStatusAndSelectors() {
        Moto.s3("us-east-1").createBucket(r -> r.bucket("trail-bucket"));
        CloudTrailClient ct = Moto.client(CloudTrailClient.builder(), "us-east-1");
        ct.createTrail(r -> r.name("org-audit").s3BucketName("trail-bucket").s3KeyPrefix("audit").isMultiRegionTrail(true)
                .enableLogFileValidation(true).kmsKeyId("arn:aws:kms:us-east-1:123456789012:key/k1"));
        ct.startLogging(r -> r.name("org-audit"));
        ct.putEventSelectors(r -> r.trailName("org-audit").advancedEventSelectors(
                a -> a.name("mgmt").fieldSelectors(f -> f.field("eventCategory").equalsValue("Management")),
                a -> a.name("bedrock").fieldSelectors(f -> f.field("eventCategory").equalsValue("Data"),
                        f -> f.field("resources.type").equalsValue("AWS::Bedrock::Model"))));
        ct.createTrail(r -> r.name("write-only").s3BucketName("trail-bucket"));
        ct.putEventSelectors(r -> r.trailName("write-only").eventSelectors(e -> e.readWriteType("WriteOnly")
                .includeManagementEvents(true)));

        // ap-northeast-1 also sees the multi-region trail (shadow); it must be collected once.
        var s = ScanTestSupport.scan(List.of("cloudtrail"), "ap-northeast-1", "us-east-1");

        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        List<Trail> trails = s.getFacts().getTrails();
        assertEquals(List.of("org-audit", "write-only"), trails.stream().map(Trail::getName).toList());
        Trail a = trails.get(0);
        assertTrue(a.isMultiRegion());
        assertTrue(a.isLogging());
        assertTrue(a.isLogFileValidation());
        assertEquals("us-east-1", a.getHomeRegion());
        assertEquals("trail-bucket", a.getS3BucketName());
        assertEquals("audit", a.getS3KeyPrefix()); // S3-06: the logs go under audit/AWSLogs/
        assertTrue(a.getKmsKeyId().endsWith("key/k1"));
        assertTrue(a.isManagementEvents());
        assertEquals("All", a.getReadWriteType());
        assertEquals(List.of("AWS::Bedrock::Model"), a.getDataEventResourceTypes());
        Trail w = trails.get(1);
        assertFalse(w.isMultiRegion());
        assertFalse(w.isLogging());
        assertEquals("WriteOnly", w.getReadWriteType());
        assertNull(w.getS3KeyPrefix());
    }

    @Test
    void collectsLogGroupsAcrossPages() {
        CloudWatchLogsClient logs = Moto.client(CloudWatchLogsClient.builder(), "ap-northeast-1");
        for (int i = 0; i < 60; i++) {
            String n = String.format("/aws/lambda/genu-%02d", i);
            logs.createLogGroup(r -> r.logGroupName(n));
        }
        logs.createLogGroup(r -> r.logGroupName("/bedrock/invocations").kmsKeyId("arn:aws:kms:ap-northeast-1:123456789012:key/k2"));
        logs.putRetentionPolicy(r -> r.logGroupName("/bedrock/invocations").retentionInDays(400));

        var s = ScanTestSupport.scan(List.of("logs"), "ap-northeast-1");

        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        List<LogGroup> groups = s.getFacts().getLogGroups();
        assertEquals(61, groups.size());
        assertTrue(s.getServices().get("logs").getApiCalls() >= 2, "paginated (limit 50)");
        LogGroup lambda = groups.get(0);
        assertEquals("/aws/lambda/genu-00", lambda.getName());
        assertNull(lambda.getRetentionDays());
        assertEquals("arn:aws:logs:ap-northeast-1:123456789012:log-group:/aws/lambda/genu-00", lambda.getArn());
        LogGroup inv = groups.stream().filter(g -> g.getName().equals("/bedrock/invocations")).findFirst().orElseThrow();
        assertEquals(400, inv.getRetentionDays());
        assertTrue(inv.getKmsKeyId().endsWith("key/k2"));
    }

    @Test
    void collectsKmsKeysAndVpcEndpoints() {
        KmsClient kms = Moto.client(KmsClient.builder(), "ap-northeast-1");
        String rotated = kms.createKey(r -> r.description("rotated")).keyMetadata().keyId();
        kms.enableKeyRotation(r -> r.keyId(rotated));
        String plain = kms.createKey(r -> r.description("plain")).keyMetadata().keyId();
        String rsa = kms.createKey(r -> r.keySpec("RSA_2048").keyUsage("SIGN_VERIFY")).keyMetadata().keyId();
        Ec2Client ec2 = Moto.client(Ec2Client.builder(), "ap-northeast-1");
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType("Interface")
                .serviceName("com.amazonaws.ap-northeast-1.bedrock-runtime"));

        var s = ScanTestSupport.scan(List.of("kms", "ec2"), "ap-northeast-1");

        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        var keys = s.getFacts().getKmsKeys();
        assertEquals(3, keys.size());
        assertTrue(keys.stream().filter(k -> k.getKeyId().equals(rotated)).findFirst().orElseThrow().isRotationEnabled());
        assertFalse(keys.stream().filter(k -> k.getKeyId().equals(plain)).findFirst().orElseThrow().isRotationEnabled());
        var r = keys.stream().filter(k -> k.getKeyId().equals(rsa)).findFirst().orElseThrow();
        assertEquals("RSA_2048", r.getKeySpec());
        assertEquals("CUSTOMER", r.getKeyManager());
        var eps = s.getFacts().getVpcEndpoints();
        assertEquals(1, eps.size());
        assertEquals("com.amazonaws.ap-northeast-1.bedrock-runtime", eps.get(0).getServiceName());
        assertEquals("Interface", eps.get(0).getType());
        assertEquals(vpc, eps.get(0).getVpcId());
    }
}
