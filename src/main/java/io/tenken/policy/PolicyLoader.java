package io.tenken.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tenken.InvalidInputException;
import io.tenken.Json;
import io.tenken.findings.Message;
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
        byte[] bytes = io.tenken.InputFiles.read(file, "error.file.policy");
        Policy policy;
        try {
            policy = bytes.length == 0 || new String(bytes).isBlank()
                    ? Policy.defaults()
                    : Json.YAML.readValue(bytes, Policy.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(Json.describe(file, e));
        } catch (IOException e) {
            throw InvalidInputException.of("error.io", file, e.getMessage());
        }
        List<Message> problems = validate(policy);
        if (!problems.isEmpty()) {
            throw InvalidInputException.of("error.policy", file, problems.get(0));
        }
        return new LoadedPolicy(policy, io.tenken.snapshot.Sha256.hex(bytes));
    }

    static List<Message> validate(Policy p) {
        List<Message> out = new ArrayList<>();
        positive(out, "passwordMinLength", p.getPasswordMinLength());
        positive(out, "passwordRecommendedLength", p.getPasswordRecommendedLength());
        if (p.getPasswordMinLength() > 99) {
            out.add(Message.of("error.policy.above", "passwordMinLength", p.getPasswordMinLength(), 99));
        }
        positive(out, "temporaryPasswordMaxDays", p.getTemporaryPasswordMaxDays());
        positive(out, "maxAccessTokenMinutes", p.getMaxAccessTokenMinutes());
        positive(out, "maxIdTokenMinutes", p.getMaxIdTokenMinutes());
        positive(out, "maxRefreshTokenDays", p.getMaxRefreshTokenDays());
        positive(out, "logRetentionMinDays", p.getLogRetentionMinDays());
        positive(out, "unusedCredentialDays", p.getUnusedCredentialDays());
        if (!MFA_LEVELS.contains(p.getMfa())) {
            out.add(Message.of("error.policy.mfa", p.getMfa()));
        }
        if (p.getPasswordRecommendedLength() < p.getPasswordMinLength()) {
            out.add(Message.of("error.policy.belowMin", p.getPasswordRecommendedLength(), p.getPasswordMinLength()));
        }
        if (p.getTemporaryPasswordMaxDays() > 365) {
            out.add(Message.of("error.policy.above", "temporaryPasswordMaxDays", p.getTemporaryPasswordMaxDays(), 365));
        }
        for (String region : p.getAllowedRegions()) {
            if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                out.add(Message.of("error.policy.region", region));
            }
        }
        for (String cc : p.getWafAllowedCountryCodes()) {
            if (cc == null || !cc.matches("[A-Z]{2}")) {
                out.add(Message.of("error.policy.country", cc));
            }
        }
        for (String glob : p.getLogRetentionAppliesTo()) {
            if (glob == null || glob.isBlank()) {
                out.add(Message.of("error.policy.emptyGlob", "logRetentionAppliesTo"));
            }
        }
        range(out, "wafWidestIpv4Prefix", p.getWafWidestIpv4Prefix(), 0, 32);
        range(out, "wafWidestIpv6Prefix", p.getWafWidestIpv6Prefix(), 0, 128);
        for (String cidr : p.getWafExpectedIpv4Cidrs()) {
            if (!Cidrs.isIpv4(cidr)) {
                out.add(Message.of("error.policy.cidr", "wafExpectedIpv4Cidrs", cidr, "IPv4"));
            }
        }
        for (String cidr : p.getWafExpectedIpv6Cidrs()) {
            if (!Cidrs.isIpv6(cidr)) {
                out.add(Message.of("error.policy.cidr", "wafExpectedIpv6Cidrs", cidr, "IPv6"));
            }
        }
        for (String glob : p.getGuardrailAdminPrincipalPatterns()) {
            if (glob == null || glob.isBlank()) {
                out.add(Message.of("error.policy.emptyGlob", "guardrailAdminPrincipalPatterns"));
            }
        }
        for (String glob : p.getAppFunctionNamePatterns()) {
            if (glob == null || glob.isBlank()) {
                out.add(Message.of("error.policy.emptyGlob", "appFunctionNamePatterns"));
            }
        }
        p.getLambdaRuntimeDeprecations().forEach((runtime, date) -> {
            if (runtime == null || runtime.isBlank()) {
                out.add(Message.of("error.policy.emptyRuntime"));
            }
            try {
                java.time.LocalDate.parse(date == null ? "" : date);
            } catch (java.time.format.DateTimeParseException e) {
                out.add(Message.of("error.policy.date", "lambdaRuntimeDeprecations." + runtime, date));
            }
        });
        for (String account : p.getTrustedAccountIds()) {
            if (account == null || !account.matches("\\d{12}")) {
                out.add(Message.of("error.policy.accountId", account));
            }
        }
        nonBlank(out, "administratorPrincipalPatterns", p.getAdministratorPrincipalPatterns());
        nonBlank(out, "sensitiveKnowledgeBaseNamePatterns", p.getSensitiveKnowledgeBaseNamePatterns());
        return out;
    }

    private static void nonBlank(List<Message> out, String key, List<String> globs) {
        for (String glob : globs) {
            if (glob == null || glob.isBlank()) {
                out.add(Message.of("error.policy.emptyGlob", key));
            }
        }
    }

    private static void positive(List<Message> out, String key, int value) {
        if (value <= 0) {
            out.add(Message.of("error.policy.positive", key, value));
        }
    }

    private static void range(List<Message> out, String key, int value, int min, int max) {
        if (value < min || value > max) {
            out.add(Message.of("error.policy.range", key, value, min, max));
        }
    }
}
