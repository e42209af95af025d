package io.tenken.checks;

import io.tenken.facts.BedrockLoggingConfig;
import io.tenken.facts.Bucket;
import io.tenken.facts.LifecycleExpiration;
import io.tenken.facts.Reads;
import io.tenken.facts.Trail;
import io.tenken.findings.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * S3-06: a log bucket's logs expire. An expiration counts for the logs it reaches: an Enabled
 * lifecycle rule, not limited by tags (log objects carry none) or object size (only some would
 * expire), whose prefix covers where the logs are delivered. Where they are delivered: every key
 * of a bucket named as a log bucket (its deliveries are not all known); the source bucket's
 * TargetPrefix for access logs; {@code PREFIX/AWSLogs/} (or {@code AWSLogs/}) for a trail or
 * Bedrock invocation logging.
 */
public final class LogLifecycle {
    private LogLifecycle() {
    }

    /** One place logs are delivered to in the bucket: the key prefix they start with, and what they are. */
    private record Delivery(String root, Message what) {
    }

    public static CheckResult check(Bucket b, boolean namedAsLogBucket, Collection<?> accessLogSources,
                                    Collection<?> trails, Collection<?> invocationLogging) {
        Message expected = Message.of("S3-06.expected");
        List<Delivery> deliveries = new ArrayList<>();
        if (namedAsLogBucket) {
            deliveries.add(new Delivery("", Message.of("S3-06.where-named")));
        }
        for (Object o : accessLogSources) {
            Bucket source = (Bucket) o;
            String prefix = source.getAccessLogTargetPrefix() == null ? "" : source.getAccessLogTargetPrefix();
            deliveries.add(new Delivery(prefix, Message.of("S3-06.where-access-logs", source.getName(), prefix)));
        }
        for (Object o : trails) {
            Trail t = (Trail) o;
            String root = awsLogsRoot(t.getS3KeyPrefix());
            deliveries.add(new Delivery(root, Message.of("S3-06.where-trail", t.getName(), root)));
        }
        for (Object o : invocationLogging) {
            BedrockLoggingConfig c = (BedrockLoggingConfig) o;
            String root = awsLogsRoot(c.getS3KeyPrefix());
            deliveries.add(new Delivery(root, Message.of("S3-06.where-invocation-logs", c.getRegion(), root)));
        }
        List<LifecycleExpiration> rules = b.getLifecycleExpirations();
        if (rules == null) {
            if (b.getLifecycleExpirationDays() == null) {
                return new CheckResult(false, Message.of("S3-06.none"), expected); // nothing expires at all
            }
            Reads.missing(b, "lifecycleExpirations", "the filters of lifecycle rules of " + b.getResourceId()
                    + " (a snapshot from a Tenken that did not record them)");
            return new CheckResult(false, Message.of("S3-06.none"), expected);
        }
        if (rules.isEmpty()) {
            return new CheckResult(false, Message.of("S3-06.none"), expected);
        }
        List<Message> covered = new ArrayList<>();
        List<Message> uncovered = new ArrayList<>();
        for (Delivery d : deliveries) {
            Integer days = null;
            for (LifecycleExpiration r : rules) {
                if (counts(r) && d.root().startsWith(r.getPrefix() == null ? "" : r.getPrefix())) {
                    days = days == null ? r.getDays() : Math.min(days, r.getDays());
                }
            }
            if (days == null) {
                uncovered.add(Message.of("S3-06.uncovered", d.what()));
            } else {
                covered.add(Message.of("S3-06.covered", d.what(), days));
            }
        }
        if (uncovered.isEmpty()) {
            return CheckResult.of(true, covered, expected);
        }
        List<Message> observed = new ArrayList<>(uncovered);
        observed.addAll(covered);
        for (LifecycleExpiration r : rules) {
            observed.add(Message.of("S3-06.rule", r.getDays(), r.getPrefix() == null ? "" : r.getPrefix(),
                    !"Enabled".equals(r.getStatus()) ? Message.of("S3-06.rule-disabled", String.valueOf(r.getStatus()))
                            : r.isTagFilter() ? Message.of("S3-06.rule-tags")
                            : r.isSizeFilter() ? Message.of("S3-06.rule-size") : Message.of("S3-06.rule-enabled")));
        }
        return CheckResult.of(false, observed, expected);
    }

    /** An expiration that reaches every object under its prefix. */
    private static boolean counts(LifecycleExpiration r) {
        return "Enabled".equals(r.getStatus()) && !r.isTagFilter() && !r.isSizeFilter();
    }

    /** Where CloudTrail and Bedrock write: PREFIX/AWSLogs/..., or AWSLogs/... without a prefix. */
    static String awsLogsRoot(String keyPrefix) {
        if (keyPrefix == null || keyPrefix.isEmpty()) {
            return "AWSLogs/";
        }
        return keyPrefix.endsWith("/") ? keyPrefix + "AWSLogs/" : keyPrefix + "/AWSLogs/";
    }
}
