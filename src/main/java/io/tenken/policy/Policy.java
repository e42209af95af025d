package io.tenken.policy;

import java.util.List;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * The organisation's thresholds and choices. Rules read them from this fact instead of
 * hard-coding numbers, so an organisation changes a verdict by editing its policy file.
 * Defaults are the checklist's (../shared/CHECKLIST.md).
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class Policy {
    @Builder.Default int passwordMinLength = 8;
    @Builder.Default int passwordRecommendedLength = 12;
    @Builder.Default int temporaryPasswordMaxDays = 7;
    /** OPTIONAL: MFA must be at least offered; ON: MFA must be required for every user. */
    @Builder.Default String mfa = "OPTIONAL";
    @Builder.Default int maxAccessTokenMinutes = 60;
    @Builder.Default int maxIdTokenMinutes = 60;
    @Builder.Default int maxRefreshTokenDays = 7;
    @Builder.Default int logRetentionMinDays = 365;
    /** Globs (case-insensitive) naming log groups that must keep logs logRetentionMinDays. */
    @Builder.Default List<String> logRetentionAppliesTo =
            List.of("*cloudtrail*", "*bedrock*", "*invocation*", "*audit*");
    /** Regions resources may live in; empty means any region. */
    @Builder.Default List<String> allowedRegions = List.of();
    /** Office ranges the WAF allowlist is expected to hold; empty means "not checked". */
    @Builder.Default List<String> wafExpectedIpv4Cidrs = List.of();
    @Builder.Default List<String> wafExpectedIpv6Cidrs = List.of();
    /** Widest prefix allowed in an allowlist IP set: /16 means a /15 or wider range fails. */
    @Builder.Default int wafWidestIpv4Prefix = 16;
    @Builder.Default int wafWidestIpv6Prefix = 32;
    /** Country codes the WAF should restrict to; empty means no geo restriction is required. */
    @Builder.Default List<String> wafAllowedCountryCodes = List.of();
    /** Bedrock model ids that IAM may grant invocation on; empty means not checked. */
    @Builder.Default List<String> allowedBedrockModelIds = List.of();
    /** Bucket-name globs that mark a bucket as sensitive (SSE-KMS with bucket key required). */
    @Builder.Default List<String> sensitiveBucketNamePatterns = List.of("*invocation*log*", "*knowledge*");
    /**
     * Bucket-name globs of the log-archive account's buckets: a trail delivering to one is
     * delivered to a separate account (CLOUDTRAIL-05); a bucket missing from this account's
     * listing proves nothing.
     */
    @Builder.Default List<String> logArchiveBuckets = List.of("aws-controltower-logs-*", "*log-archive*");
    /** Tag key=value pairs that mark a bucket as sensitive. */
    @Builder.Default Map<String, String> sensitiveBucketTags = Map.of();
    @Builder.Default int unusedCredentialDays = 90;
    /**
     * Globs (case-insensitive) on principal ARNs (path and name included) that mark the
     * security administrators allowed to create, update and delete Bedrock guardrails.
     */
    @Builder.Default List<String> guardrailAdminPrincipalPatterns = List.of("*security*admin*", "*secadmin*");
    /**
     * Accounts other than the scanned one that may be granted access (a log-archive or
     * security-tooling account): bucket grants and trust conditions naming any other account fail.
     */
    @Builder.Default List<String> trustedAccountIds = List.of();
    /**
     * Globs (case-insensitive) on principal ARNs that mark the administrators, who may hold
     * privilege-escalation permissions (IAM-08).
     */
    @Builder.Default List<String> administratorPrincipalPatterns = List.of(
            "*:role/OrganizationAccountAccessRole",
            "*:role/AWSControlTowerExecution",
            "*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_AdministratorAccess_*");
    /**
     * Knowledge-base name globs whose data is sensitive: their data sources must use a customer
     * managed KMS key (BEDROCK-07). Default: every knowledge base (it holds the documents the app answers from).
     */
    @Builder.Default List<String> sensitiveKnowledgeBaseNamePatterns = List.of("*");

    /**
     * Lambda function-name globs that belong to the app beyond those derived from the account
     * (functions an API Gateway method integrates with); their errors must be watched by an alarm.
     */
    @Builder.Default List<String> appFunctionNamePatterns = List.of();
    /**
     * Lambda runtime identifier to the date (YYYY-MM-DD) AWS deprecates it, from the Lambda
     * developer guide's runtime tables; a function on a runtime whose date is on or before the
     * snapshot's collection day fails LAMBDA-01. Add runtimes as AWS announces their dates.
     */
    @Builder.Default Map<String, String> lambdaRuntimeDeprecations = new java.util.TreeMap<>(Map.ofEntries(
                    Map.entry("nodejs", "2016-10-31"),
                    Map.entry("nodejs4.3", "2020-03-05"),
                    Map.entry("nodejs4.3-edge", "2019-04-30"),
                    Map.entry("nodejs6.10", "2019-08-12"),
                    Map.entry("nodejs8.10", "2020-03-06"),
                    Map.entry("nodejs10.x", "2021-07-30"),
                    Map.entry("nodejs12.x", "2023-03-31"),
                    Map.entry("nodejs14.x", "2023-12-04"),
                    Map.entry("nodejs16.x", "2024-06-12"),
                    Map.entry("nodejs18.x", "2025-09-01"),
                    Map.entry("nodejs20.x", "2026-04-30"),
                    Map.entry("python2.7", "2021-07-15"),
                    Map.entry("python3.6", "2022-07-18"),
                    Map.entry("python3.7", "2023-12-04"),
                    Map.entry("python3.8", "2024-10-14"),
                    Map.entry("python3.9", "2025-12-15"),
                    Map.entry("java8", "2024-01-08"),
                    Map.entry("go1.x", "2024-01-08"),
                    Map.entry("provided", "2024-01-08"),
                    Map.entry("ruby2.5", "2021-07-30"),
                    Map.entry("ruby2.7", "2023-12-07"),
                    Map.entry("ruby3.2", "2026-03-31"),
                    Map.entry("dotnetcore1.0", "2019-06-27"),
                    Map.entry("dotnetcore2.0", "2019-05-30"),
                    Map.entry("dotnetcore2.1", "2022-01-05"),
                    Map.entry("dotnetcore3.1", "2023-04-03"),
                    Map.entry("dotnet5.0", "2022-05-10"),
                    Map.entry("dotnet6", "2024-12-20"),
                    Map.entry("dotnet7", "2024-05-14")));

    public static Policy defaults() {
        return Policy.builder().build();
    }

    public boolean isMfaRequired() {
        return "ON".equals(mfa);
    }
}
