package io.tenken.checks;

import io.tenken.findings.Message;
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
        Message expected = Message.of("BEDROCK-02.expected", policy.getLogRetentionMinDays());
        List<Message> problems = new ArrayList<>();
        List<Message> fine = new ArrayList<>();
        if (c.getCloudWatchLogGroupName() != null) {
            LogGroup g = groups.stream().map(LogGroup.class::cast).findFirst().orElse(null);
            if (g == null) {
                problems.add(Message.of("BEDROCK-02.log-group-missing", c.getCloudWatchLogGroupName()));
            } else {
                if (g.getKmsKeyId() == null) {
                    problems.add(Message.of("BEDROCK-02.log-group-unencrypted", g.getName()));
                }
                if (g.getRetentionDays() == null || g.getRetentionDays() < policy.getLogRetentionMinDays()) {
                    problems.add(g.getRetentionDays() == null
                            ? Message.of("BEDROCK-02.log-group-never-expires", g.getName())
                            : Message.of("BEDROCK-02.log-group-retention", g.getName(), g.getRetentionDays()));
                }
                fine.add(Message.of("BEDROCK-02.log-group", g.getName()));
            }
        }
        if (c.getS3BucketName() != null) {
            Bucket b = buckets.stream().map(Bucket.class::cast).findFirst().orElse(null);
            if (b == null) {
                problems.add(Message.of("BEDROCK-02.bucket-missing", c.getS3BucketName()));
            } else {
                if (b.getEncryptionAlgorithm() == null) {
                    problems.add(Message.of("BEDROCK-02.bucket-unencrypted", b.getName()));
                }
                if (b.getLifecycleExpirationDays() != null && b.getLifecycleExpirationDays() < policy.getLogRetentionMinDays()) {
                    problems.add(Message.of("BEDROCK-02.bucket-expires", b.getName(), b.getLifecycleExpirationDays()));
                }
                if (b.getPublicAccessBlock() == null || !b.getPublicAccessBlock().isAllOn()) {
                    problems.add(Message.of("BEDROCK-02.bucket-public", b.getName()));
                }
                fine.add(Message.of("BEDROCK-02.bucket", b.getName()));
            }
        }
        if (problems.isEmpty() && fine.isEmpty()) {
            problems.add(Message.of("BEDROCK-02.no-destination"));
        }
        return problems.isEmpty() ? new CheckResult(true, Message.of("BEDROCK-02.protected", fine), expected)
                : CheckResult.of(false, problems, expected);
    }
}
