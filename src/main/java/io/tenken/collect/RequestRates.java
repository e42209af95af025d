package io.tenken.collect;

import java.util.Map;

/**
 * Client-side request rates per service and region (requests per second, burst), at or below the
 * rates AWS documents for the read APIs Tenken calls, so a scan never provokes throttling by
 * itself and a throttled answer is rare, not the pacing mechanism:
 * <ul>
 *   <li>EC2: non-mutating actions, token bucket of 100 refilled at 20 per second;</li>
 *   <li>API Gateway: control-plane GET requests, 10 per second, burst 40;</li>
 *   <li>CloudWatch Logs: DescribeLogGroups, 5 per second;</li>
 *   <li>CloudWatch: DescribeAlarms, 9 per second;</li>
 *   <li>Organizations: 1 request per second per account for most operations.</li>
 * </ul>
 * Where AWS publishes no figure for the calls made (IAM, S3 bucket configuration, CloudFront, WAF,
 * Cognito reads, KMS, CloudTrail, Bedrock control plane, ...), a conservative rate is used that
 * still keeps the scan's own concurrency busy at real-world latency.
 */
final class RequestRates {
    record Rate(double perSecond, int burst) {
    }

    static final Rate DEFAULT = new Rate(10, 10);

    private static final Map<String, Rate> RATES = Map.ofEntries(
            Map.entry("ec2", new Rate(20, 100)),
            Map.entry("apigateway", new Rate(10, 40)),
            Map.entry("logs", new Rate(5, 5)),
            Map.entry("cloudwatch", new Rate(9, 9)),
            Map.entry("organizations", new Rate(1, 1)),
            Map.entry("s3", new Rate(100, 100)),
            Map.entry("iam", new Rate(20, 20)),
            Map.entry("sts", new Rate(50, 50)),
            Map.entry("cognito-idp", new Rate(20, 20)),
            Map.entry("kms", new Rate(50, 50)),
            Map.entry("cloudtrail", new Rate(10, 10)),
            Map.entry("wafv2", new Rate(10, 10)),
            Map.entry("cloudfront", new Rate(10, 10)),
            Map.entry("bedrock", new Rate(10, 10)));

    private RequestRates() {
    }

    /** The rate for a client of {@code service} (the SDK client's own service, e.g. apigateway). */
    static Rate of(String service) {
        return RATES.getOrDefault(service, DEFAULT);
    }
}
