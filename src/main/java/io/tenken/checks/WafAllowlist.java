package io.tenken.checks;

import io.tenken.facts.IpSet;
import io.tenken.facts.WafRule;
import io.tenken.facts.WafStatement;
import io.tenken.facts.WebAcl;
import io.tenken.policy.Cidrs;
import io.tenken.policy.Policy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Does a web ACL admit only the allowlisted addresses? WAF evaluates rules by ascending
 * priority and the first terminating action wins; the default action applies when nothing
 * matched. So the ACL is an allowlist when its default action is BLOCK and every ALLOW rule
 * only matches requests from IP sets that are non-empty and no wider than the policy allows.
 * An ALLOW rule that can match a request outside its IP sets (no IP set, an IP set under NOT,
 * an OR with a non-IP branch) admits the world, unless a higher-priority rule already blocks
 * every source outside an IP set ({@code BLOCK NOT(IP set)}). COUNT, CAPTCHA and CHALLENGE
 * rules do not end evaluation with an allow and are ignored.
 */
public final class WafAllowlist {
    private WafAllowlist() {
    }

    public static CheckResult check(WebAcl acl, List<WafRule> rules, List<IpSet> ipSets, Policy policy) {
        String expected = "default action BLOCK; ALLOW rules only for non-empty IP sets without "
                + "0.0.0.0/0 or ::/0 and no range wider than /" + policy.getWafWidestIpv4Prefix()
                + " (IPv4) or /" + policy.getWafWidestIpv6Prefix() + " (IPv6)"
                + (policy.getWafExpectedIpv4Cidrs().isEmpty() && policy.getWafExpectedIpv6Cidrs().isEmpty()
                ? "" : "; IP sets hold exactly the expected ranges");
        List<String> problems = new ArrayList<>();
        if (!"BLOCK".equalsIgnoreCase(acl.getDefaultAction())) {
            problems.add("default action " + acl.getDefaultAction());
        }
        Map<String, IpSet> setsByArn = ipSets.stream()
                .collect(Collectors.toMap(IpSet::getArn, Function.identity(), (a, b) -> a));
        Set<String> allowSets = new LinkedHashSet<>();
        List<WafRule> ordered = rules.stream()
                .sorted(Comparator.comparingInt(WafRule::getPriority).thenComparing(WafRule::getName)).toList();
        // Sets of an earlier "BLOCK unless source in set" rule: later ALLOW rules only see those addresses.
        Set<String> blockedOutside = new LinkedHashSet<>();
        for (WafRule rule : ordered) {
            WafStatement st = rule.getStatement();
            if ("BLOCK".equalsIgnoreCase(rule.getAction()) && st != null && "NOT".equals(st.getKind())
                    && st.getChildren() != null && st.getChildren().size() == 1
                    && ipRestricted(st.getChildren().get(0))) {
                blockedOutside.addAll(st.getChildren().get(0).ipSetArnsDeep());
                allowSets.addAll(st.getChildren().get(0).ipSetArnsDeep());
                continue;
            }
            // A custom rule group can end evaluation with an ALLOW inside it; its rules are not
            // collected, so unless a BLOCK NOT(IP set) rule already ran it cannot be verified.
            if (st != null && "RULE_GROUP".equals(st.getKind()) && !"COUNT".equalsIgnoreCase(rule.getOverrideAction())
                    && blockedOutside.isEmpty()) {
                problems.add("rule group '" + rule.getName() + "' (priority " + rule.getPriority()
                        + ") may allow requests; its rules cannot be verified");
                continue;
            }
            if (!"ALLOW".equalsIgnoreCase(rule.getAction())) {
                continue;
            }
            if (blockedOutside.isEmpty() && (st == null || !ipRestricted(st))) {
                problems.add("rule '" + rule.getName() + "' (priority " + rule.getPriority()
                        + ") allows requests without restricting the source IP");
            }
            allowSets.addAll(rule.getIpSetArns());
        }
        if (allowSets.isEmpty() && problems.isEmpty()) {
            problems.add("no ALLOW rule references an IP set");
        }
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        for (String arn : allowSets) {
            IpSet set = setsByArn.get(arn);
            if (set == null) {
                problems.add("IP set " + arn + " is not in the snapshot");
                continue;
            }
            List<String> addresses = set.getAddresses() == null ? List.of() : set.getAddresses();
            if (addresses.isEmpty()) {
                problems.add("IP set '" + set.getName() + "' is empty");
            }
            for (String cidr : addresses) {
                int prefix = Cidrs.prefixLength(cidr);
                boolean v6addr = Cidrs.isIpv6(cidr);
                (v6addr ? v6 : v4).add(cidr);
                if (prefix < 0) {
                    problems.add("IP set '" + set.getName() + "' holds '" + cidr + "', not a CIDR");
                } else if (prefix == 0) {
                    problems.add("IP set '" + set.getName() + "' holds " + cidr + " (every address)");
                } else if (prefix < (v6addr ? policy.getWafWidestIpv6Prefix() : policy.getWafWidestIpv4Prefix())) {
                    problems.add("IP set '" + set.getName() + "' holds " + cidr + ", wider than /"
                            + (v6addr ? policy.getWafWidestIpv6Prefix() : policy.getWafWidestIpv4Prefix()));
                }
            }
        }
        expectedRanges(problems, "IPv4", policy.getWafExpectedIpv4Cidrs(), v4);
        expectedRanges(problems, "IPv6", policy.getWafExpectedIpv6Cidrs(), v6);
        if (problems.isEmpty()) {
            return new CheckResult(true, "default action BLOCK; allowlist " + String.join(", ", sortedCidrs(v4, v6)), expected);
        }
        return new CheckResult(false, String.join("; ", problems), expected);
    }

    /** True when the statement can only match requests from an IP set. */
    static boolean ipRestricted(WafStatement s) {
        String kind = s.getKind() == null ? "OTHER" : s.getKind();
        List<WafStatement> children = s.getChildren() == null ? List.of() : s.getChildren();
        return switch (kind) {
            case "IP_SET" -> true;
            case "AND" -> children.stream().anyMatch(WafAllowlist::ipRestricted);
            case "OR" -> !children.isEmpty() && children.stream().allMatch(WafAllowlist::ipRestricted);
            case "RATE_BASED" -> children.stream().anyMatch(WafAllowlist::ipRestricted);
            default -> false;
        };
    }

    private static void expectedRanges(List<String> problems, String family, List<String> expected, List<String> actual) {
        if (expected.isEmpty()) {
            return;
        }
        for (String cidr : actual) {
            if (expected.stream().noneMatch(e -> Cidrs.contains(e, cidr))) {
                problems.add(family + " range " + cidr + " is not one of the expected ranges");
            }
        }
        for (String e : expected) {
            if (actual.stream().noneMatch(a -> Cidrs.contains(a, e))) {
                problems.add("expected " + family + " range " + e + " is missing");
            }
        }
    }

    private static List<String> sortedCidrs(List<String> v4, List<String> v6) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(v4));
        all.addAll(new LinkedHashSet<>(v6));
        return all.stream().sorted().toList();
    }
}
