package io.tenken.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.Bucket;
import io.tenken.findings.Message;
import org.junit.jupiter.api.Test;

class SensitiveBucketsTest {
    private static Bucket bucket(String alg, boolean bucketKey) {
        return Bucket.builder().name("kb").encryptionAlgorithm(alg).bucketKeyEnabled(bucketKey).build();
    }

    @Test
    void kmsNeedsABucketKeyUnlessDualLayer() {
        assertTrue(SensitiveBuckets.encryption(bucket("aws:kms", true)).compliant());
        assertFalse(SensitiveBuckets.encryption(bucket("aws:kms", false)).compliant());
        assertTrue(SensitiveBuckets.encryption(bucket("aws:kms:dsse", false)).compliant());
        assertFalse(SensitiveBuckets.encryption(bucket("AES256", true)).compliant());
        assertFalse(SensitiveBuckets.encryption(bucket(null, false)).compliant());
    }

    @Test
    void evidenceNamesTheAlgorithmAndTheBucketKey() {
        CheckResult r = SensitiveBuckets.encryption(bucket("aws:kms", false));
        assertEquals(Message.of("S3-01.encryption", "aws:kms", false), r.observed());
        assertEquals(Message.of("S3-02.expected"), r.expected());
    }
}
