package io.tenken.checks;

import io.tenken.facts.BedrockLoggingConfig;
import io.tenken.facts.Bucket;
import io.tenken.facts.LogGroup;
import io.tenken.policy.Policy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Bedrock invocation logs hold every prompt and answer: their CloudWatch log group must be
 * KMS-encrypted and retained at least the policy's minimum, their S3 bucket encrypted and
 * blocked from public access and not expiring objects before that minimum. A destination that is not in the snapshot cannot be shown to be
 * protected, so it fails.
 */
public final class InvocationLogProtection {
    private InvocationLogProtection() {
    }

    public static CheckResult check(BedrockLoggingConfig c, Collection<?> groups, Collection<?> buckets, Policy policy) {
        String expected = "log group KMS-encrypted with retention >= " + policy.getLogRetentionMinDays()
                + " days; S3 bucket encrypted with block public access on";
        List<String> problems = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        if (c.getCloudWatchLogGroupName() != null) {
            LogGroup g = groups.stream().map(LogGroup.class::cast).findFirst().orElse(null);
            if (g == null) {
                problems.add("log group " + c.getCloudWatchLogGroupName() + " not found");
            } else {
                if (g.getKmsKeyId() == null) {
                    problems.add("log group " + g.getName() + " not KMS-encrypted");
                }
                if (g.getRetentionDays() == null || g.getRetentionDays() < policy.getLogRetentionMinDays()) {
                    problems.add("log group " + g.getName() + " retention " + (g.getRetentionDays() == null
                            ? "never expire" : g.getRetentionDays() + " days"));
                }
                fine.add("log group " + g.getName());
            }
        }
        if (c.getS3BucketName() != null) {
            Bucket b = buckets.stream().map(Bucket.class::cast).findFirst().orElse(null);
            if (b == null) {
                problems.add("bucket " + c.getS3BucketName() + " not in this account's snapshot");
            } else {
                if (b.getEncryptionAlgorithm() == null) {
                    problems.add("bucket " + b.getName() + " not encrypted");
                }
                if (b.getLifecycleExpirationDays() != null && b.getLifecycleExpirationDays() < policy.getLogRetentionMinDays()) {
                    problems.add("bucket " + b.getName() + " expires objects after " + b.getLifecycleExpirationDays() + " days");
                }
                if (b.getPublicAccessBlock() == null || !b.getPublicAccessBlock().isAllOn()) {
                    problems.add("bucket " + b.getName() + " without full block public access");
                }
                fine.add("bucket " + b.getName());
            }
        }
        if (problems.isEmpty() && fine.isEmpty()) {
            problems.add("no destination");
        }
        return problems.isEmpty() ? new CheckResult(true, String.join(", ", fine) + " protected", expected)
                : new CheckResult(false, String.join("; ", problems), expected);
    }
}
