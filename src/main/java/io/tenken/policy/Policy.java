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
    /** Tag key=value pairs that mark a bucket as sensitive. */
    @Builder.Default Map<String, String> sensitiveBucketTags = Map.of();
    @Builder.Default int unusedCredentialDays = 90;
    /**
     * Globs (case-insensitive) on principal ARNs (path and name included) that mark the
     * security administrators allowed to create, update and delete Bedrock guardrails.
     */
    @Builder.Default List<String> guardrailAdminPrincipalPatterns = List.of("*security*admin*", "*secadmin*");

    public static Policy defaults() {
        return Policy.builder().build();
    }

    public boolean isMfaRequired() {
        return "ON".equals(mfa);
    }
}
