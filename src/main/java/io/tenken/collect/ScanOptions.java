package io.tenken.collect;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import lombok.Builder;
import lombok.Value;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** What to scan and how to reach it. */
@Value
@Builder(toBuilder = true)
public class ScanOptions {
    /** Regions to scan; empty means every region enabled for the account (EC2 DescribeRegions). */
    @Builder.Default List<String> regions = List.of();
    /** Named profile from ~/.aws/config (SSO profiles included); null for the default chain. */
    String profile;
    /** Role to assume (with the base credentials) before scanning; null to scan as the caller. */
    String roleArn;
    /** External id the role's trust policy requires; null for none. */
    String externalId;
    /** Session name of the assumed role (shows in the account's CloudTrail). */
    @Builder.Default String roleSessionName = "tenken-scan";
    /**
     * Region for calls made before the regions are known (DescribeRegions); null: AWS_REGION,
     * AWS_DEFAULT_REGION, then the profile's region, as the AWS CLI.
     */
    String homeRegion;
    /** Endpoint override for every client (e.g. a moto server); null for AWS. */
    URI endpointUrl;
    /** Per-service endpoint overrides (service key → URL), taking precedence over {@link #endpointUrl}. */
    @Builder.Default java.util.Map<String, URI> serviceEndpoints = java.util.Map.of();
    /** Explicit credentials (tests); overrides profile and the default chain. */
    AwsCredentialsProvider credentialsProvider;
    /**
     * Concurrent API calls per service. At AWS's 20-80 ms a call, the per-bucket reads of S3 (five
     * or six a bucket, most of a scan's calls) keep 16 in flight well below S3's pace
     * ({@link RequestRates}); 8 left a 1,000-bucket scan waiting on latency (scan-bench at 50 ms a call).
     */
    @Builder.Default int perServiceConcurrency = 16;
    /** Concurrent (service, region) collection tasks. */
    @Builder.Default int parallelTasks = 16;
    /** Pace calls per service and region at AWS's documented rates ({@code RequestRates}); off for unthrottled test servers. */
    @Builder.Default boolean rateLimited = true;
    /** Attempts per call, first included (standard retries, exponential backoff with full jitter). */
    @Builder.Default int maxAttempts = 5;
    @Builder.Default Duration apiCallTimeout = Duration.ofMinutes(2);
    @Builder.Default Duration attemptTimeout = Duration.ofSeconds(30);
    /** Services to collect (keys as in the snapshot); empty for all. */
    @Builder.Default List<String> services = List.of();
    /**
     * Every per-bucket read for every bucket, as before reads were targeted at the buckets a rule
     * looks at: for comparing the two (same verdicts, more calls), not for everyday scans.
     */
    @Builder.Default boolean everyBucketRead = false;
    /**
     * Read each bucket's tags (GetBucketTagging, a call a bucket). Only the policy's
     * {@code sensitiveBucketTags} reads them (S3-02), so a scan whose policy has none and whose
     * rules are the built-in ones leaves them out; the snapshot then says so
     * ({@code notRead}) and evaluating it with a policy that classifies buckets by tag is refused.
     */
    @Builder.Default boolean bucketTags = true;
    /** Show progress on the terminal / in the log. */
    @Builder.Default boolean progress = true;
}
