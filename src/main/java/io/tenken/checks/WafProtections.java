package io.tenken.checks;

import io.tenken.findings.Message;
import io.tenken.facts.WafRule;
import io.tenken.facts.WafStatement;
import io.tenken.facts.WebAcl;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Rate limiting, managed rule groups and geo restriction of a web ACL. */
public final class WafProtections {
    /** The managed group with the cross-site scripting (and core) rules the checklist asks for. */
    static final String COMMON_RULE_SET = "AWSManagedRulesCommonRuleSet";
    /** The managed group with the SQL injection rules (SQLi_*, SQLiExtendedPatterns_*). */
    static final String SQLI_RULE_SET = "AWSManagedRulesSQLiRuleSet";

    private WafProtections() {
    }

    /**
     * The first rate-based rule that blocks per source IP, described; null when none. A rule
     * placed after an ALLOW rule never sees what that rule admits, so only rules before every
     * ALLOW count.
     */
    public static Message rateLimit(Collection<?> rules) {
        int firstAllow = firstAllowPriority(rules);
        return sorted(rules).stream()
                .filter(r -> r.getPriority() < firstAllow)
                .filter(r -> "RATE_BASED".equals(kind(r.getStatement())) && "BLOCK".equalsIgnoreCase(r.getAction()))
                .filter(r -> r.getStatement().getAggregateKeyType() == null
                        || Set.of("IP", "FORWARDED_IP").contains(r.getStatement().getAggregateKeyType()))
                .map(r -> Message.of("WAF-03.rate-rule", r.getName(), r.getStatement().getRateLimit(),
                        r.getStatement().getAggregateKeyType() == null ? "IP" : r.getStatement().getAggregateKeyType()))
                .findFirst().orElse(null);
    }

    /**
     * The checklist asks for managed groups against SQL injection AND cross-site scripting: the
     * AWS common rule set (whose CrossSiteScripting_* rules are the XSS protection; it has no
     * SQL injection rules) and the AWS SQL database rule set, each in effect (group not
     * overridden to Count, its XSS or SQLi rules not overridden to Count) before any ALLOW rule.
     */
    public static CheckResult managedRules(Collection<?> rules) {
        Message expected = Message.of("WAF-04.expected");
        List<Message> seen = new ArrayList<>();
        int firstAllow = firstAllowPriority(rules);
        boolean xss = false;
        boolean sqli = false;
        for (WafRule r : sorted(rules)) {
            WafStatement s = r.getStatement();
            if (!"MANAGED_RULE_GROUP".equals(kind(s))) {
                continue;
            }
            boolean counted = "COUNT".equalsIgnoreCase(r.getOverrideAction());
            int countedRules = s.getCountOverriddenRules() == null ? 0 : s.getCountOverriddenRules().size();
            Message group = counted ? Message.of("WAF-04.group.counted", s.getManagedGroupName())
                    : countedRules > 0 ? Message.of("WAF-04.group.rules-counted", s.getManagedGroupName(), countedRules)
                    : Message.of("WAF-04.group", s.getManagedGroupName());
            seen.add(r.getPriority() > firstAllow ? Message.of("WAF-04.after-allow", group) : group);
            if (r.getPriority() > firstAllow || counted || !"AWS".equals(s.getVendorName())) {
                continue;
            }
            if (COMMON_RULE_SET.equals(s.getManagedGroupName()) && !rulesCounted(s, "CrossSiteScripting_")) {
                xss = true;
            } else if (SQLI_RULE_SET.equals(s.getManagedGroupName()) && !rulesCounted(s, "SQLi")) {
                sqli = true;
            }
        }
        if (xss && sqli) {
            return new CheckResult(true, Message.of("WAF-04.groups", seen), expected);
        }
        List<Message> observed = new ArrayList<>();
        observed.add(seen.isEmpty() ? Message.of("WAF-04.none") : Message.of("WAF-04.groups", seen));
        if (!seen.isEmpty() && !xss) {
            observed.add(Message.of("WAF-04.no-xss"));
        }
        if (!seen.isEmpty() && !sqli) {
            observed.add(Message.of("WAF-04.no-sqli"));
        }
        return CheckResult.of(false, observed, expected);
    }

    /** True when a rule of the group whose name starts with {@code prefix} is overridden to Count. */
    private static boolean rulesCounted(WafStatement s, String prefix) {
        return s.getCountOverriddenRules() != null
                && s.getCountOverriddenRules().stream().anyMatch(n -> n != null && n.startsWith(prefix));
    }

    /**
     * Passes when requests from other countries cannot get through: a BLOCK rule on
     * NOT(country in allowed), or (with default action BLOCK) every ALLOW rule narrowed by a
     * country match within the allowed list.
     */
    public static CheckResult geoRestriction(WebAcl acl, Collection<?> rules, List<String> allowed) {
        Message expected = Message.of("WAF-05.expected", allowed);
        int firstUnnarrowedAllow = sorted(rules).stream()
                .filter(r -> "ALLOW".equalsIgnoreCase(r.getAction()) && !geoNarrowed(r.getStatement(), allowed))
                .mapToInt(WafRule::getPriority).min().orElse(Integer.MAX_VALUE);
        for (WafRule r : sorted(rules)) {
            WafStatement s = r.getStatement();
            if (r.getPriority() < firstUnnarrowedAllow && "BLOCK".equalsIgnoreCase(r.getAction()) && "NOT".equals(kind(s)) && s.getChildren() != null
                    && s.getChildren().size() == 1 && withinAllowed(s.getChildren().get(0), allowed)) {
                return new CheckResult(true, Message.of("WAF-05.block-rule", r.getName(),
                        s.getChildren().get(0).getCountryCodes()), expected);
            }
        }
        List<WafRule> allows = sorted(rules).stream().filter(r -> "ALLOW".equalsIgnoreCase(r.getAction())).toList();
        boolean allNarrowed = !allows.isEmpty() && allows.stream().allMatch(r -> geoNarrowed(r.getStatement(), allowed));
        if ("BLOCK".equalsIgnoreCase(acl.getDefaultAction()) && allNarrowed) {
            return new CheckResult(true, Message.of("WAF-05.allow-rules", allowed), expected);
        }
        return new CheckResult(false, Message.of("WAF-05.none", allowed), expected);
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

    /** Priority of the first ALLOW rule (MAX_VALUE when none): later rules never see what it admits. */
    static int firstAllowPriority(Collection<?> rules) {
        return sorted(rules).stream().filter(r -> "ALLOW".equalsIgnoreCase(r.getAction()))
                .mapToInt(WafRule::getPriority).min().orElse(Integer.MAX_VALUE);
    }

    private static String kind(WafStatement s) {
        return s == null || s.getKind() == null ? "OTHER" : s.getKind();
    }

    private static List<WafRule> sorted(Collection<?> rules) {
        return rules.stream().map(WafRule.class::cast)
                .sorted(java.util.Comparator.comparingInt(WafRule::getPriority).thenComparing(WafRule::getName)).toList();
    }
}
