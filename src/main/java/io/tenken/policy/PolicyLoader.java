package io.tenken.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tenken.InvalidInputException;
import io.tenken.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads and validates a policy YAML file; every problem names the file and the key. */
public final class PolicyLoader {
    private static final Set<String> MFA_LEVELS = Set.of("OPTIONAL", "ON");

    private PolicyLoader() {
    }

    /** A policy and the sha256 of the file it came from (report evidence). */
    public record LoadedPolicy(Policy policy, String sha256) {
    }

    public static Policy load(Path file) {
        return loadWithSha(file).policy();
    }

    public static LoadedPolicy loadWithSha(Path file) {
        byte[] bytes = io.tenken.InputFiles.read(file, "policy file");
        Policy policy;
        try {
            policy = bytes.length == 0 || new String(bytes).isBlank()
                    ? Policy.defaults()
                    : Json.YAML.readValue(bytes, Policy.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(Json.describe(file, e));
        } catch (IOException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
        List<String> problems = validate(policy);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(file + ": " + problems.get(0));
        }
        return new LoadedPolicy(policy, io.tenken.snapshot.Sha256.hex(bytes));
    }

    static List<String> validate(Policy p) {
        List<String> out = new ArrayList<>();
        positive(out, "passwordMinLength", p.getPasswordMinLength());
        positive(out, "passwordRecommendedLength", p.getPasswordRecommendedLength());
        if (p.getPasswordMinLength() > 99) {
            out.add("key 'passwordMinLength': " + p.getPasswordMinLength() + " is above Cognito's maximum of 99");
        }
        positive(out, "temporaryPasswordMaxDays", p.getTemporaryPasswordMaxDays());
        positive(out, "maxAccessTokenMinutes", p.getMaxAccessTokenMinutes());
        positive(out, "maxIdTokenMinutes", p.getMaxIdTokenMinutes());
        positive(out, "maxRefreshTokenDays", p.getMaxRefreshTokenDays());
        positive(out, "logRetentionMinDays", p.getLogRetentionMinDays());
        positive(out, "unusedCredentialDays", p.getUnusedCredentialDays());
        if (!MFA_LEVELS.contains(p.getMfa())) {
            out.add("key 'mfa': '" + p.getMfa() + "' is not one of OPTIONAL, ON");
        }
        if (p.getPasswordRecommendedLength() < p.getPasswordMinLength()) {
            out.add("key 'passwordRecommendedLength': " + p.getPasswordRecommendedLength()
                    + " is below passwordMinLength " + p.getPasswordMinLength());
        }
        if (p.getTemporaryPasswordMaxDays() > 365) {
            out.add("key 'temporaryPasswordMaxDays': " + p.getTemporaryPasswordMaxDays() + " is above Cognito's maximum of 365");
        }
        for (String region : p.getAllowedRegions()) {
            if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                out.add("key 'allowedRegions': '" + region + "' is not an AWS region name");
            }
        }
        for (String cc : p.getWafAllowedCountryCodes()) {
            if (cc == null || !cc.matches("[A-Z]{2}")) {
                out.add("key 'wafAllowedCountryCodes': '" + cc + "' is not a two-letter ISO 3166 country code");
            }
        }
        for (String glob : p.getLogRetentionAppliesTo()) {
            if (glob == null || glob.isBlank()) {
                out.add("key 'logRetentionAppliesTo': empty pattern");
            }
        }
        range(out, "wafWidestIpv4Prefix", p.getWafWidestIpv4Prefix(), 0, 32);
        range(out, "wafWidestIpv6Prefix", p.getWafWidestIpv6Prefix(), 0, 128);
        for (String cidr : p.getWafExpectedIpv4Cidrs()) {
            if (!Cidrs.isIpv4(cidr)) {
                out.add("key 'wafExpectedIpv4Cidrs': '" + cidr + "' is not an IPv4 CIDR");
            }
        }
        for (String cidr : p.getWafExpectedIpv6Cidrs()) {
            if (!Cidrs.isIpv6(cidr)) {
                out.add("key 'wafExpectedIpv6Cidrs': '" + cidr + "' is not an IPv6 CIDR");
            }
        }
        for (String glob : p.getGuardrailAdminPrincipalPatterns()) {
            if (glob == null || glob.isBlank()) {
                out.add("key 'guardrailAdminPrincipalPatterns': entries must be non-empty ARN globs");
            }
        }
        for (String glob : p.getAppFunctionNamePatterns()) {
            if (glob == null || glob.isBlank()) {
                out.add("key 'appFunctionNamePatterns': entries must be non-empty function-name globs");
            }
        }
        p.getLambdaRuntimeDeprecations().forEach((runtime, date) -> {
            if (runtime == null || runtime.isBlank()) {
                out.add("key 'lambdaRuntimeDeprecations': empty runtime identifier");
            }
            try {
                java.time.LocalDate.parse(date == null ? "" : date);
            } catch (java.time.format.DateTimeParseException e) {
                out.add("key 'lambdaRuntimeDeprecations." + runtime + "': '" + date + "' is not a YYYY-MM-DD date");
            }
        });
        for (String account : p.getTrustedAccountIds()) {
            if (account == null || !account.matches("\\d{12}")) {
                out.add("key 'trustedAccountIds': '" + account + "' is not a 12-digit AWS account id");
            }
        }
        nonBlank(out, "administratorPrincipalPatterns", p.getAdministratorPrincipalPatterns());
        nonBlank(out, "sensitiveKnowledgeBaseNamePatterns", p.getSensitiveKnowledgeBaseNamePatterns());
        return out;
    }

    private static void nonBlank(List<String> out, String key, List<String> globs) {
        for (String glob : globs) {
            if (glob == null || glob.isBlank()) {
                out.add("key '" + key + "': entries must be non-empty globs");
            }
        }
    }

    private static void positive(List<String> out, String key, int value) {
        if (value <= 0) {
            out.add("key '" + key + "': " + value + " must be greater than 0");
        }
    }

    private static void range(List<String> out, String key, int value, int min, int max) {
        if (value < min || value > max) {
            out.add("key '" + key + "': /" + value + " is outside /" + min + "../" + max);
        }
    }
}
