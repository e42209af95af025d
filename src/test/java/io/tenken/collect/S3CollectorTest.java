package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.Bucket;
import io.tenken.facts.LifecycleExpiration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3control.S3ControlClient;

@ExtendWith(MotoServerExtension.class)
class S3CollectorTest {
    static final String TLS_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*",
             "Resource":["arn:aws:s3:::logs-hardened","arn:aws:s3:::logs-hardened/*"],
             "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";

    @Test
    void collectsBucketSettingsAndAccountPublicAccessBlock() {
        S3Client s3 = Moto.s3("us-east-1");
        s3.createBucket(r -> r.bucket("plain-bucket"));
        S3Client tokyo = Moto.s3("ap-northeast-1");
        tokyo.createBucket(r -> r.bucket("logs-hardened").objectLockEnabledForBucket(true)
                .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.AP_NORTHEAST_1)));
        tokyo.putBucketEncryption(r -> r.bucket("logs-hardened").serverSideEncryptionConfiguration(c -> c.rules(
                rule -> rule.bucketKeyEnabled(true).applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("aws:kms")
                        .kmsMasterKeyID("arn:aws:kms:ap-northeast-1:123456789012:key/abc")))));
        tokyo.putPublicAccessBlock(r -> r.bucket("logs-hardened").publicAccessBlockConfiguration(p -> p
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        tokyo.putBucketVersioning(r -> r.bucket("logs-hardened").versioningConfiguration(v -> v.status("Enabled")));
        tokyo.putBucketLifecycleConfiguration(r -> r.bucket("logs-hardened").lifecycleConfiguration(l -> l.rules(
                x -> x.id("expire").status("Enabled").filter(f -> f.prefix("")).expiration(e -> e.days(400)),
                x -> x.id("expire-tmp").status("Enabled").filter(f -> f.prefix("tmp/")).expiration(e -> e.days(30)),
                x -> x.id("off").status("Disabled").filter(f -> f.prefix("old/")).expiration(e -> e.days(1)),
                x -> x.id("tagged").status("Enabled").filter(f -> f.and(a -> a.prefix("t/")
                        .tags(tag -> tag.key("class").value("tmp")))).expiration(e -> e.days(5)))));
        // (moto 5.2.5 drops ObjectSizeGreaterThan/LessThan from lifecycle filters: the size filter is
        // covered by the template mapping and the S3-06 fixtures.)
        tokyo.createBucket(r -> r.bucket("access-logs").acl("log-delivery-write")
                .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.AP_NORTHEAST_1)));
        tokyo.putBucketLogging(r -> r.bucket("logs-hardened").bucketLoggingStatus(b -> b.loggingEnabled(
                le -> le.targetBucket("access-logs").targetPrefix("access/"))));
        tokyo.putBucketTagging(r -> r.bucket("logs-hardened").tagging(t -> t.tagSet(tag -> tag.key("sensitivity").value("high"))));
        // Seeded last: moto applies a SecureTransport deny to object calls.
        tokyo.putBucketPolicy(r -> r.bucket("logs-hardened").policy(TLS_ONLY));
        S3ControlClient control = S3ControlClient.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(Moto.CREDS).endpointProvider(p -> java.util.concurrent.CompletableFuture.completedFuture(
                        software.amazon.awssdk.endpoints.Endpoint.builder().url(MotoServerExtension.endpoint()).build()))
                .build();
        control.putPublicAccessBlock(r -> r.accountId(Moto.ACCOUNT).publicAccessBlockConfiguration(p -> p
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(false)));

        // Every setting of every bucket (no trail here points at one: the targeted reads would skip
        // versioning and Object Lock; FewerCallsTest covers which bucket gets which read).
        var s = new Scanner().scan(Moto.options("us-east-1").services(List.of("s3")).everyBucketRead(true).build());

        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        List<Bucket> buckets = s.getFacts().getBuckets();
        assertEquals(List.of("access-logs", "logs-hardened", "plain-bucket"), buckets.stream().map(Bucket::getName).toList());
        Bucket h = buckets.get(1);
        Bucket p = buckets.get(2);
        assertEquals("ap-northeast-1", h.getRegion());
        assertEquals("arn:aws:s3:::logs-hardened", h.getArn());
        assertEquals("aws:kms", h.getEncryptionAlgorithm());
        assertEquals("arn:aws:kms:ap-northeast-1:123456789012:key/abc", h.getKmsKeyId());
        assertTrue(h.isBucketKeyEnabled());
        assertTrue(h.getPublicAccessBlock().isAllOn());
        assertTrue(h.getPolicyJson().contains("aws:SecureTransport"));
        assertEquals("Enabled", h.getVersioning());
        assertTrue(h.isObjectLockEnabled());
        // The smallest enabled expiration (BEDROCK-02: nothing may expire sooner than the retention) ...
        assertEquals(5, h.getLifecycleExpirationDays());
        // ... and every expiring rule with what limits it (S3-06: which objects it reaches).
        assertEquals(List.of(
                LifecycleExpiration.builder().status("Enabled").days(400).prefix("").build(),
                LifecycleExpiration.builder().status("Enabled").days(30).prefix("tmp/").build(),
                LifecycleExpiration.builder().status("Disabled").days(1).prefix("old/").build(),
                LifecycleExpiration.builder().status("Enabled").days(5).prefix("t/").tagFilter(true).build()),
                h.getLifecycleExpirations());
        assertEquals("access-logs", h.getAccessLogTargetBucket());
        assertEquals("access/", h.getAccessLogTargetPrefix());
        assertEquals("high", h.getTags().get("sensitivity"));

        // Not configured is a fact (null), not an error.
        assertEquals("us-east-1", p.getRegion());
        assertNull(p.getEncryptionAlgorithm());
        assertNull(p.getPublicAccessBlock());
        assertNull(p.getPolicyJson());
        assertNull(p.getVersioning());
        assertFalse(p.isObjectLockEnabled());
        assertNull(p.getLifecycleExpirationDays());
        assertEquals(List.of(), p.getLifecycleExpirations());
        assertNull(p.getAccessLogTargetBucket());

        var pab = s.getFacts().getAccountSettings().getS3PublicAccessBlock();
        assertNotNull(pab);
        assertTrue(pab.isBlockPublicAcls());
        assertFalse(pab.isRestrictPublicBuckets());
    }

    @Test
    void missingAccountPublicAccessBlockIsNullNotError() {
        Moto.s3("us-east-1").createBucket(r -> r.bucket("only"));
        var s = ScanTestSupport.scan(List.of("s3"), "us-east-1");
        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        assertNull(s.getFacts().getAccountSettings().getS3PublicAccessBlock());
    }

    /**
     * AWS's ListBuckets gives each bucket's region (BucketRegion); moto's does not, so the front
     * adds it as AWS does. With it, no GetBucketLocation is made and the facts are the same as
     * those read through GetBucketLocation.
     */
    @Test
    void bucketRegionsFromListBucketsNeedNoLocationCalls() {
        Moto.s3("us-east-1").createBucket(r -> r.bucket("in-virginia"));
        Moto.s3("ap-northeast-1").createBucket(r -> r.bucket("in-tokyo")
                .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.AP_NORTHEAST_1)));
        Moto.s3("eu-west-1").createBucket(r -> r.bucket("in-ireland")
                .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        var moto = ScanTestSupport.scan(List.of("s3"), "us-east-1");
        assertEquals(3L, moto.getServices().get("s3").getCalls().get("S3.GetBucketLocation"));
        try (FaultyFront front = new FaultyFront(MotoServerExtension.endpoint(), 0, 0).listBucketsAsAws()) {
            var aws = new Scanner().scan(Moto.options("us-east-1").endpointUrl(front.endpoint())
                    .services(List.of("s3")).build());
            assertEquals(List.of(), aws.getErrors(), () -> ScanTestSupport.describe(aws.getErrors()));
            assertNull(aws.getServices().get("s3").getCalls().get("S3.GetBucketLocation"),
                    aws.getServices().get("s3").getCalls().toString());
            assertEquals(moto.getFacts(), aws.getFacts());
            assertEquals(List.of("ap-northeast-1", "eu-west-1", "us-east-1"), aws.getFacts().getBuckets().stream()
                    .map(Bucket::getRegion).sorted().toList());
        }
    }
}
