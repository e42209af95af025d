package io.tenken.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.Json;
import io.tenken.findings.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * iam.confused-deputy: a role that an AWS service assumes must say, in its trust policy, for
 * which account (or resource) the service may assume it, so a service acting for another
 * customer cannot be made to use this role (IAM user guide, "The confused deputy problem").
 *
 * <p>Every Allow statement that lets a service principal ({@code *.amazonaws.com},
 * {@code *.amazon.com}) call {@code sts:AssumeRole} (or {@code sts:*}, {@code *}) needs a
 * condition on {@code aws:SourceAccount}, {@code aws:SourceArn}, {@code aws:SourceOrgID} or
 * {@code aws:SourceOrgPaths} whose accounts are known (this account or the policy's
 * {@code trustedAccountIds}). Services that AWS documents as always acting in the role's own
 * account are exempt, as in Prowler's check: {@code secretsmanager.amazonaws.com},
 * {@code eks.amazonaws.com}. Roles whose trust policy names no service are not service roles:
 * no verdict.</p>
 */
public final class TrustPolicies {
    private static final Set<String> EXEMPT = Set.of("secretsmanager.amazonaws.com", "eks.amazonaws.com");
    private static final Set<String> SOURCE_KEYS = Set.of("aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid",
            "aws:sourceorgpaths");

    private TrustPolicies() {
    }

    /** The verdict for one role: which services it trusts, and the statements that lack a source condition. */
    public record DeputyCheck(List<String> services, List<Message> unguarded) {
        public boolean isServiceRole() {
            return !services.isEmpty();
        }
    }

    public static boolean isServiceRole(String trustPolicyJson) {
        return confusedDeputy(trustPolicyJson, List.of()).isServiceRole();
    }

    public static DeputyCheck confusedDeputy(String trustPolicyJson, Collection<String> knownAccounts) {
        if (trustPolicyJson == null || trustPolicyJson.isBlank()) {
            return new DeputyCheck(List.of(), List.of());
        }
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(trustPolicyJson);
        } catch (Exception e) {
            return new DeputyCheck(List.of("(unreadable trust policy)"), List.of(Message.of("IAM-09.unreadable")));
        }
        Set<String> known = new TreeSet<>();
        knownAccounts.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).forEach(known::add);
        TreeSet<String> services = new TreeSet<>();
        List<Message> unguarded = new ArrayList<>();
        List<JsonNode> statements = ResourcePolicies.list(doc == null ? null : doc.get("Statement"));
        for (int i = 0; i < statements.size(); i++) {
            JsonNode st = statements.get(i);
            if (!"Allow".equals(st.path("Effect").asText()) || !assumesRole(st.get("Action"))) {
                continue;
            }
            JsonNode p = st.get("Principal");
            List<String> svc = p == null || !p.isObject() ? List.of()
                    : ResourcePolicies.list(p.get("Service")).stream().map(JsonNode::asText).map(String::trim)
                            .filter(s -> s.equals("*") || s.endsWith(".amazonaws.com") || s.endsWith(".amazon.com"))
                            .toList();
            if (svc.isEmpty()) {
                continue;
            }
            services.addAll(svc);
            if (svc.stream().allMatch(EXEMPT::contains)) {
                continue;
            }
            Message problem = sourceCondition(ResourcePolicies.label(i, st), svc, st.get("Condition"), known);
            if (problem != null) {
                unguarded.add(problem);
            }
        }
        return new DeputyCheck(List.copyOf(services), List.copyOf(unguarded));
    }

    /** The verdict the rule hands on: every service statement guarded, or what is not. */
    public static CheckResult verdict(String trustPolicyJson, List<String> knownAccounts) {
        DeputyCheck c = confusedDeputy(trustPolicyJson, knownAccounts);
        Message expected = Message.of("IAM-09.expected", knownAccounts);
        if (!c.unguarded().isEmpty()) {
            return CheckResult.of(false, c.unguarded(), expected);
        }
        return new CheckResult(true, Message.of("IAM-09.observed", c.services()), expected);
    }

    private static boolean assumesRole(JsonNode action) {
        return ResourcePolicies.list(action).stream().anyMatch(a -> Globs.matches(a.asText().trim(), "sts:AssumeRole"));
    }

    /** Null when the condition names a known source; otherwise what is wrong with it. */
    private static Message sourceCondition(Message label, List<String> services, JsonNode condition, Set<String> known) {
        boolean hasSourceKey = false;
        for (var op : ResourcePolicies.iterable(condition)) {
            for (var kv : ResourcePolicies.iterable(op.getValue())) {
                if (SOURCE_KEYS.contains(kv.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    hasSourceKey = true;
                }
            }
        }
        if (!hasSourceKey) {
            return Message.of("IAM-09.no-condition", label, services);
        }
        ResourcePolicies.Narrowing n = ResourcePolicies.narrowing(condition, known);
        if (!n.narrows()) {
            return Message.of("IAM-09.weak-condition", label, services);
        }
        if (!n.unknownAccounts().isEmpty()) {
            return Message.of("IAM-09.unknown-account", label, services, n.unknownAccounts());
        }
        return null;
    }
}
