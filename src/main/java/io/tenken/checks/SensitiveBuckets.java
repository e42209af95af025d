package io.tenken.checks;

import io.tenken.facts.Bucket;
import io.tenken.findings.Message;

/** S3-02: how a bucket the policy or Bedrock logging marks sensitive must be encrypted. */
public final class SensitiveBuckets {
    private SensitiveBuckets() {
    }

    /**
     * SSE-KMS with a bucket key; dual-layer SSE-KMS cannot use a bucket key and is stronger, not
     * weaker.
     */
    public static CheckResult encryption(Bucket b) {
        String alg = b.getEncryptionAlgorithm();
        boolean kms = alg != null && alg.startsWith("aws:kms");
        boolean dsse = "aws:kms:dsse".equals(alg);
        return new CheckResult(kms && (b.isBucketKeyEnabled() || dsse),
                Message.of("S3-01.encryption", alg, b.isBucketKeyEnabled()), Message.of("S3-02.expected"));
    }
}
