package io.tenken.checks;

import io.tenken.facts.WafRule;
import io.tenken.facts.WafStatement;
import io.tenken.facts.WebAcl;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Rate limiting, managed rule groups and geo restriction of a web ACL. */
public final class WafProtections {
    /** Managed groups that cover SQL injection and cross-site scripting. */
    static final Set<String> COMMON_GROUPS = Set.of("AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet");

    private WafProtections() {
    }

    /** The first rate-based rule that blocks, described; null when none. */
    public static String rateLimit(Collection<?> rules) {
        return sorted(rules).stream()
                .filter(r -> "RATE_BASED".equals(kind(r.getStatement())) && "BLOCK".equalsIgnoreCase(r.getAction()))
                .map(r -> "rule '" + r.getName() + "' blocks above " + r.getStatement().getRateLimit()
                        + " requests per " + (r.getStatement().getAggregateKeyType() == null ? "IP"
                        : r.getStatement().getAggregateKeyType()))
                .findFirst().orElse(null);
    }

    public static CheckResult managedRules(Collection<?> rules) {
        String expected = "AWS managed rule group AWSManagedRulesCommonRuleSet (or SQLiRuleSet) in effect, not overridden to Count";
        List<String> seen = new ArrayList<>();
        for (WafRule r : sorted(rules)) {
            WafStatement s = r.getStatement();
            if (!"MANAGED_RULE_GROUP".equals(kind(s))) {
                continue;
            }
            boolean counted = "COUNT".equalsIgnoreCase(r.getOverrideAction());
            int countedRules = s.getCountOverriddenRules() == null ? 0 : s.getCountOverriddenRules().size();
            seen.add(s.getManagedGroupName() + (counted ? " (whole group in Count mode)"
                    : countedRules > 0 ? " (" + countedRules + " rules in Count mode)" : ""));
            if (!counted && "AWS".equals(s.getVendorName()) && COMMON_GROUPS.contains(s.getManagedGroupName())) {
                return new CheckResult(true, String.join(", ", seen), expected);
            }
        }
        return new CheckResult(false, seen.isEmpty() ? "no managed rule group"
                : "managed rule groups: " + String.join(", ", seen), expected);
    }

    /**
     * Passes when requests from other countries cannot get through: a BLOCK rule on
     * NOT(country in allowed), or (with default action BLOCK) every ALLOW rule narrowed by a
     * country match within the allowed list.
     */
    public static CheckResult geoRestriction(WebAcl acl, Collection<?> rules, List<String> allowed) {
        String expected = "requests only from " + String.join(", ", allowed);
        for (WafRule r : sorted(rules)) {
            WafStatement s = r.getStatement();
            if ("BLOCK".equalsIgnoreCase(r.getAction()) && "NOT".equals(kind(s)) && s.getChildren() != null
                    && s.getChildren().size() == 1 && withinAllowed(s.getChildren().get(0), allowed)) {
                return new CheckResult(true, "rule '" + r.getName() + "' blocks countries outside "
                        + s.getChildren().get(0).getCountryCodes(), expected);
            }
        }
        List<WafRule> allows = sorted(rules).stream().filter(r -> "ALLOW".equalsIgnoreCase(r.getAction())).toList();
        boolean allNarrowed = !allows.isEmpty() && allows.stream().allMatch(r -> geoNarrowed(r.getStatement(), allowed));
        if ("BLOCK".equalsIgnoreCase(acl.getDefaultAction()) && allNarrowed) {
            return new CheckResult(true, "default BLOCK; every ALLOW rule requires a country in "
                    + allowed, expected);
        }
        return new CheckResult(false, "no country restriction to " + allowed, expected);
    }

    private static boolean geoNarrowed(WafStatement s, List<String> allowed) {
        if (s == null) {
            return false;
        }
        return switch (kind(s)) {
            case "GEO_MATCH" -> withinAllowed(s, allowed);
            case "AND" -> s.getChildren() != null && s.getChildren().stream().anyMatch(c -> geoNarrowed(c, allowed));
            case "OR" -> s.getChildren() != null && !s.getChildren().isEmpty()
                    && s.getChildren().stream().allMatch(c -> geoNarrowed(c, allowed));
            default -> false;
        };
    }

    private static boolean withinAllowed(WafStatement s, List<String> allowed) {
        return "GEO_MATCH".equals(kind(s)) && s.getCountryCodes() != null && !s.getCountryCodes().isEmpty()
                && allowed.containsAll(s.getCountryCodes());
    }

    private static String kind(WafStatement s) {
        return s == null || s.getKind() == null ? "OTHER" : s.getKind();
    }

    private static List<WafRule> sorted(Collection<?> rules) {
        return rules.stream().map(WafRule.class::cast)
                .sorted(java.util.Comparator.comparingInt(WafRule::getPriority).thenComparing(WafRule::getName)).toList();
    }
}
