package io.tenken.checks;

import io.tenken.findings.Message;
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
        Message expected = Message.of(policy.getWafExpectedIpv4Cidrs().isEmpty() && policy.getWafExpectedIpv6Cidrs().isEmpty()
                ? "WAF-01.expected" : "WAF-01.expected.ranges", policy.getWafWidestIpv4Prefix(), policy.getWafWidestIpv6Prefix());
        List<Message> problems = new ArrayList<>();
        if (!"BLOCK".equalsIgnoreCase(acl.getDefaultAction())) {
            problems.add(Message.of("WAF-01.default-action", acl.getDefaultAction()));
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
                problems.add(Message.of("WAF-01.rule-group", rule.getName(), rule.getPriority()));
                continue;
            }
            if (!"ALLOW".equalsIgnoreCase(rule.getAction())) {
                continue;
            }
            if (blockedOutside.isEmpty() && (st == null || !ipRestricted(st))) {
                problems.add(Message.of("WAF-01.unrestricted-allow", rule.getName(), rule.getPriority()));
            }
            allowSets.addAll(rule.getIpSetArns());
        }
        if (allowSets.isEmpty() && problems.isEmpty()) {
            problems.add(Message.of("WAF-01.no-ip-set"));
        }
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        for (String arn : allowSets) {
            IpSet set = setsByArn.get(arn);
            if (set == null) {
                problems.add(Message.of("WAF-01.ip-set-missing", arn));
                continue;
            }
            List<String> addresses = set.getAddresses() == null ? List.of() : set.getAddresses();
            if (addresses.isEmpty()) {
                problems.add(Message.of("WAF-01.ip-set-empty", set.getName()));
            }
            for (String cidr : addresses) {
                int prefix = Cidrs.prefixLength(cidr);
                boolean v6addr = Cidrs.isIpv6(cidr);
                (v6addr ? v6 : v4).add(cidr);
                if (prefix < 0) {
                    problems.add(Message.of("WAF-01.not-cidr", set.getName(), cidr));
                } else if (prefix == 0) {
                    problems.add(Message.of("WAF-01.every-address", set.getName(), cidr));
                } else if (prefix < (v6addr ? policy.getWafWidestIpv6Prefix() : policy.getWafWidestIpv4Prefix())) {
                    problems.add(Message.of("WAF-01.too-wide", set.getName(), cidr,
                            v6addr ? policy.getWafWidestIpv6Prefix() : policy.getWafWidestIpv4Prefix()));
                }
            }
        }
        expectedRanges(problems, "IPv4", policy.getWafExpectedIpv4Cidrs(), v4);
        expectedRanges(problems, "IPv6", policy.getWafExpectedIpv6Cidrs(), v6);
        if (problems.isEmpty()) {
            return new CheckResult(true, Message.of("WAF-01.allowlist", sortedCidrs(v4, v6)), expected);
        }
        return CheckResult.of(false, problems, expected);
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

    private static void expectedRanges(List<Message> problems, String family, List<String> expected, List<String> actual) {
        if (expected.isEmpty()) {
            return;
        }
        for (String cidr : actual) {
            if (expected.stream().noneMatch(e -> Cidrs.contains(e, cidr))) {
                problems.add(Message.of("WAF-01.unexpected-range", family, cidr));
            }
        }
        for (String e : expected) {
            if (actual.stream().noneMatch(a -> Cidrs.contains(a, e))) {
                problems.add(Message.of("WAF-01.missing-range", family, e));
            }
        }
    }

    private static List<String> sortedCidrs(List<String> v4, List<String> v6) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(v4));
        all.addAll(new LinkedHashSet<>(v6));
        return all.stream().sorted().toList();
    }
}
