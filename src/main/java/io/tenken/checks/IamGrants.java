package io.tenken.checks;

import io.tenken.findings.Message;
import io.tenken.facts.IamPolicy;
import io.tenken.facts.IamPrincipal;
import io.tenken.facts.PolicyStatement;
import io.tenken.policy.Policy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an IAM principal may do, from the identity policies in the snapshot. The analysis
 * follows IAM's evaluation logic for identity policies, on real documents:
 *
 * <ul>
 * <li><b>Sources.</b> A principal's effective statements are those of its directly attached
 *     managed policies (AWS or customer managed), its inline policies ({@link IamPolicy} with
 *     kind INLINE and {@code principalArn} = the principal) and, for users, the attached and
 *     inline policies of every group in {@link IamPrincipal#getGroupArns()}. Only the default
 *     version of a managed policy is collected, so only it is analysed. A referenced policy or
 *     group that is not in the snapshot is reported as "cannot verify", never read as empty.</li>
 * <li><b>Actions.</b> {@code Action} patterns match an action case-insensitively with
 *     {@code *} and {@code ?} anywhere ({@code bedrock:*}, {@code bedrock:Invoke*},
 *     {@code *}, {@code *:*}, {@code Bedrock:invokemodel}). A statement with {@code NotAction}
 *     covers every action that none of its patterns matches: Allow + NotAction grants
 *     everything not listed.</li>
 * <li><b>Resources.</b> Same for {@code Resource} / {@code NotResource}. Questions are asked
 *     about candidate resources: the patterns the policies name, plus <i>probe</i> ARNs
 *     (a model, inference profile or guardrail id that no policy names, in each region and
 *     account the policies mention, plus us-east-1). A grant on a probe is a grant on "any
 *     model": Resource {@code *}, {@code arn:aws:bedrock:*::foundation-model/*} and
 *     {@code arn:aws:bedrock:*} all grant it, an exact model ARN does not.</li>
 * <li><b>Pattern against pattern.</b> When the candidate is itself a pattern (e.g. a Deny on
 *     {@code arn:aws:bedrock:*::foundation-model/*} against an Allow on the same text), the
 *     covering pattern is matched against the candidate's text, wildcards taken literally:
 *     {@code *} covers everything, {@code a*} covers {@code ab*} but not {@code *}. This reads
 *     "covers" as "is a superset of" and errs towards reporting a grant.</li>
 * <li><b>Deny.</b> An unconditional Deny, in the same or any other policy of the principal,
 *     that covers the action and the resource removes the grant. A Deny with a {@code
 *     NotResource} list (the usual "deny invocation except these models" guard) leaves exactly
 *     the listed resources granted.</li>
 * <li><b>Conditions.</b> An Allow with a {@code Condition} block is a <i>conditional</i>
 *     grant: it is reported as conditional in the evidence, not as an unconditional wildcard
 *     grant (the condition, e.g. {@code aws:PrincipalTag} or {@code aws:SourceIp}, is taken as
 *     the restriction the organisation chose). A conditional Deny does not remove a grant: the
 *     scanner cannot tell when its condition holds.</li>
 * <li><b>Out of scope.</b> Permissions boundaries, SCPs, session policies and resource
 *     policies are not collected; they can only narrow a grant, so a reported grant may be
 *     narrower in reality, but a PASS is never too lenient because of them.</li>
 * </ul>
 */
public final class IamGrants {
    /** The model invocation actions. */
    public static final List<String> INVOKE_ACTIONS = List.of("bedrock:InvokeModel",
            // The Converse APIs are authorised by these two actions; there is no bedrock:Converse action.
            "bedrock:InvokeModelWithResponseStream");
    public static final List<String> GUARDRAIL_ACTIONS = List.of("bedrock:CreateGuardrail",
            "bedrock:UpdateGuardrail", "bedrock:DeleteGuardrail");
    static final String ALL_BEDROCK = "bedrock:*";
    /** Bedrock resource types an invocation can name. */
    static final List<String> MODEL_TYPES = List.of("foundation-model", "inference-profile",
            "application-inference-profile", "provisioned-model", "custom-model", "imported-model",
            "prompt-router", "default-prompt-router");
    static final String GUARDRAIL_TYPE = "guardrail";
    /** An id no real policy names: a grant on it is a grant on "any" resource of its type. */
    static final String PROBE_ID = "tenken-probe.unnamed-resource-v0:0";
    /** Cross-region inference profile prefixes, stripped when comparing with allowed model ids. */
    private static final Set<String> GEO_PREFIXES = Set.of("us", "eu", "apac", "jp", "au", "ca", "global", "us-gov");

    private IamGrants() {
    }

    /** A statement as a principal receives it: from which policy, and how the policy is attached. */
    public record Attributed(PolicyStatement statement, String policyName, Message via) {
        Message describe() {
            PolicyStatement s = statement;
            String actions = nonEmpty(s.getActions()) ? String.join(",", s.getActions())
                    : "NotAction " + String.join(",", orEmpty(s.getNotActions()));
            String resources = nonEmpty(s.getResources()) ? String.join(",", s.getResources())
                    : "NotResource " + String.join(",", orEmpty(s.getNotResources()));
            return Message.of("IAM.statement", policyName, via, s.getIndex(),
                    s.getSid() == null || s.getSid().isBlank() ? "" : Message.of("IAM.statement.sid", s.getSid()),
                    s.getEffect(), actions, resources,
                    s.isConditional() ? Message.of("IAM.statement.condition", s.getConditionJson()) : "");
        }
    }

    /** The statements that apply to one principal, and what the snapshot lacked to be sure. */
    public record Effective(IamPrincipal principal, List<Attributed> statements, List<Message> missing) {
        List<PolicyStatement> raw() {
            return statements.stream().map(Attributed::statement).toList();
        }
    }

    // ------------------------------------------------------------------ sources

    /**
     * The principal's effective statements: attached managed, inline and (for users)
     * group-inherited policies. Arguments are the snapshot's facts of each kind (other
     * objects are ignored), as a DRL {@code collect} gives them.
     */
    public static Effective effective(IamPrincipal principal, Collection<?> principals, Collection<?> policies,
                                      Collection<?> statements) {
        Map<String, IamPrincipal> principalsByArn = new LinkedHashMap<>();
        for (Object o : principals) {
            if (o instanceof IamPrincipal p && p.getArn() != null) {
                principalsByArn.putIfAbsent(p.getArn(), p);
            }
        }
        Map<String, IamPolicy> policiesByArn = new LinkedHashMap<>();
        Map<String, List<IamPolicy>> inlineByPrincipal = new LinkedHashMap<>();
        for (Object o : policies) {
            if (o instanceof IamPolicy p && p.getArn() != null) {
                policiesByArn.putIfAbsent(p.getArn(), p);
                if ("INLINE".equalsIgnoreCase(p.getKind()) && p.getPrincipalArn() != null) {
                    inlineByPrincipal.computeIfAbsent(p.getPrincipalArn(), k -> new ArrayList<>()).add(p);
                }
            }
        }
        Map<String, List<PolicyStatement>> statementsByPolicy = new LinkedHashMap<>();
        for (Object o : statements) {
            if (o instanceof PolicyStatement s && s.getPolicyArn() != null) {
                statementsByPolicy.computeIfAbsent(s.getPolicyArn(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Attributed> out = new ArrayList<>();
        List<Message> missing = new ArrayList<>();
        Set<String> seenPolicies = new LinkedHashSet<>();
        addPrincipalPolicies(principal, null, policiesByArn, inlineByPrincipal, statementsByPolicy, seenPolicies,
                out, missing);
        for (String groupArn : orEmpty(principal.getGroupArns())) {
            IamPrincipal group = principalsByArn.get(groupArn);
            if (group == null) {
                missing.add(Message.of("IAM.missing-group", groupArn));
                io.tenken.facts.Reads.missing(principal, "groupArns", groupArn);
                continue;
            }
            addPrincipalPolicies(group, group.getName() == null ? groupArn : group.getName(), policiesByArn,
                    inlineByPrincipal, statementsByPolicy, seenPolicies, out, missing);
        }
        return new Effective(principal, List.copyOf(out), List.copyOf(missing));
    }

    private static void addPrincipalPolicies(IamPrincipal p, String viaGroup, Map<String, IamPolicy> policiesByArn,
                                             Map<String, List<IamPolicy>> inlineByPrincipal,
                                             Map<String, List<PolicyStatement>> statementsByPolicy,
                                             Set<String> seen, List<Attributed> out, List<Message> missing) {
        for (String arn : orEmpty(p.getAttachedPolicyArns())) {
            IamPolicy policy = policiesByArn.get(arn);
            if (policy == null) {
                missing.add(viaGroup == null ? Message.of("IAM.missing-policy", arn)
                        : Message.of("IAM.missing-policy.via-group", arn, viaGroup));
                io.tenken.facts.Reads.missing(p, "attachedPolicyArns", arn);
                continue;
            }
            add(policy, via(kindLabel(policy), viaGroup), statementsByPolicy, seen, out);
        }
        for (IamPolicy policy : inlineByPrincipal.getOrDefault(p.getArn(), List.of())) {
            add(policy, via(Message.of("IAM.kind.inline"), viaGroup), statementsByPolicy, seen, out);
        }
    }

    private static void add(IamPolicy policy, Message via, Map<String, List<PolicyStatement>> statementsByPolicy,
                            Set<String> seen, List<Attributed> out) {
        if (!seen.add(policy.getArn())) {
            return;
        }
        String name = policy.getName() == null ? policy.getArn() : policy.getName();
        statementsByPolicy.getOrDefault(policy.getArn(), List.of()).stream()
                .sorted(java.util.Comparator.comparingInt(PolicyStatement::getIndex))
                .forEach(s -> out.add(new Attributed(s, name, via)));
    }

    /** Service-linked roles are managed by AWS services and cannot be changed by the account. */
    public static boolean isServiceLinked(IamPrincipal p) {
        return p.getPath() != null && p.getPath().startsWith("/aws-service-role/");
    }

    // ------------------------------------------------------------------ matching

    /** Does the statement (whatever its effect) cover the action? Action or NotAction. */
    public static boolean coversAction(PolicyStatement s, String action) {
        if (nonEmpty(s.getActions())) {
            return s.getActions().stream().anyMatch(p -> Globs.matches(p.trim(), action));
        }
        if (nonEmpty(s.getNotActions())) {
            return s.getNotActions().stream().noneMatch(p -> Globs.matches(p.trim(), action));
        }
        return false;
    }

    /** Does the statement (whatever its effect) cover the resource? Resource or NotResource. */
    public static boolean coversResource(PolicyStatement s, String resource) {
        if (nonEmpty(s.getResources())) {
            return s.getResources().stream().anyMatch(p -> Globs.matches(p.trim(), resource));
        }
        if (nonEmpty(s.getNotResources())) {
            return s.getNotResources().stream().noneMatch(p -> Globs.matches(p.trim(), resource));
        }
        return false;
    }

    public static boolean covers(PolicyStatement s, String action, String resource) {
        return coversAction(s, action) && coversResource(s, resource);
    }

    static boolean isAllow(PolicyStatement s) {
        return "Allow".equalsIgnoreCase(s.getEffect());
    }

    static boolean isDeny(PolicyStatement s) {
        return "Deny".equalsIgnoreCase(s.getEffect());
    }

    /** An unconditional Allow covers it and no unconditional Deny does. */
    public static boolean granted(List<PolicyStatement> statements, String action, String resource) {
        return statements.stream().anyMatch(s -> isAllow(s) && !s.isConditional() && covers(s, action, resource))
                && !denied(statements, action, resource);
    }

    /** Only a conditional Allow covers it (and no unconditional Deny). */
    public static boolean conditionallyGranted(List<PolicyStatement> statements, String action, String resource) {
        return !granted(statements, action, resource)
                && statements.stream().anyMatch(s -> isAllow(s) && s.isConditional() && covers(s, action, resource))
                && !denied(statements, action, resource);
    }

    static boolean denied(List<PolicyStatement> statements, String action, String resource) {
        return statements.stream().anyMatch(s -> isDeny(s) && !s.isConditional() && covers(s, action, resource));
    }

    // ------------------------------------------------------------------ candidates

    /** ARN split into its six parts, or null when the text is not an ARN with a resource part. */
    static String[] arnParts(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.trim().split(":", 6);
        return parts.length == 6 && "arn".equalsIgnoreCase(parts[0]) ? parts : null;
    }

    static boolean isBedrockArn(String text) {
        String[] p = arnParts(text);
        return p != null && Globs.matches(p[2], "bedrock");
    }

    /** The resource type of an ARN's resource part ("foundation-model" in foundation-model/x). */
    static String resourceType(String[] parts) {
        int slash = parts[5].indexOf('/');
        return slash < 0 ? parts[5] : parts[5].substring(0, slash);
    }

    static String resourceId(String[] parts) {
        int slash = parts[5].indexOf('/');
        return slash < 0 ? "" : parts[5].substring(slash + 1);
    }

    private static final java.util.regex.Pattern REGION = java.util.regex.Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    /** The region a short Bedrock ARN pattern names ("arn:aws:bedrock:ap-northeast-1*"), or null. */
    static String partialRegion(String pattern) {
        if (pattern == null || !pattern.trim().toLowerCase(java.util.Locale.ROOT).startsWith("arn:")) {
            return null;
        }
        String[] parts = pattern.trim().split(":", -1);
        if (parts.length < 4 || !Globs.matches(parts[2], "bedrock")) {
            return null;
        }
        String region = parts[3].replaceAll("\\*+$", "");
        return REGION.matcher(region).matches() ? region : null;
    }

    static boolean isProbe(String candidate) {
        return candidate.endsWith("/" + PROBE_ID);
    }

    /**
     * Bedrock resources to ask about: every Bedrock ARN pattern the statements name (Resource
     * and NotResource), and probes of the given types in each region/account they mention
     * and in us-east-1 of the principal's account.
     */
    static List<String> bedrockCandidates(Effective e, List<String> probeTypes) {
        LinkedHashSet<String> named = new LinkedHashSet<>();
        // A trailing * matches across colons, so "arn:aws:bedrock:ap-northeast-1:*" (fewer than
        // six parts) still covers every model there: probe each region such patterns name.
        LinkedHashSet<String> partialRegions = new LinkedHashSet<>();
        for (PolicyStatement s : e.raw()) {
            for (String r : concat(orEmpty(s.getResources()), orEmpty(s.getNotResources()))) {
                if (isBedrockArn(r)) {
                    named.add(r.trim());
                } else {
                    String region = partialRegion(r);
                    if (region != null) {
                        partialRegions.add(region);
                    }
                }
            }
        }
        String[] own = arnParts(e.principal().getArn());
        String partition = own == null ? "aws" : own[1];
        String account = own == null ? "" : own[4];
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String type : probeTypes) {
            String acct = "foundation-model".equals(type) ? "" : account;
            out.add("arn:" + partition + ":bedrock:us-east-1:" + acct + ":" + type + "/" + PROBE_ID);
        }
        for (String region : partialRegions) {
            for (String type : probeTypes) {
                String acct = "foundation-model".equals(type) ? "" : account;
                out.add("arn:" + partition + ":bedrock:" + region + ":" + acct + ":" + type + "/" + PROBE_ID);
            }
        }
        for (String n : named) {
            String[] p = arnParts(n);
            for (String type : probeTypes) {
                if (Globs.matches(resourceType(p), type)) {
                    out.add(p[0] + ":" + p[1] + ":" + p[2] + ":" + p[3] + ":" + p[4] + ":" + type + "/" + PROBE_ID);
                }
            }
        }
        out.addAll(named);
        return List.copyOf(out);
    }

    private static List<Message> grantingStatements(Effective e, Collection<String> actions,
                                                   Collection<String> resources, boolean conditional) {
        LinkedHashSet<Message> out = new LinkedHashSet<>();
        for (Attributed a : e.statements()) {
            PolicyStatement s = a.statement();
            if (isAllow(s) && s.isConditional() == conditional
                    && actions.stream().anyMatch(act -> resources.stream().anyMatch(r -> covers(s, act, r)))) {
                out.add(a.describe());
            }
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------ checks

    /**
     * iam.bedrock-least-privilege: no unconditional {@code bedrock:*} (on any Bedrock
     * resource), no model invocation on any model (Resource {@code *} or a model wildcard),
     * and, when the policy lists allowed model ids, no invocation on a model outside the list.
     */
    public static CheckResult bedrockLeastPrivilege(Effective e, Policy policy) {
        List<String> allowed = policy.getAllowedBedrockModelIds();
        Message expected = allowed.isEmpty() ? Message.of("IAM-01.expected")
                : Message.of("IAM-01.expected.allowed-models", allowed);
        List<Message> problems = new ArrayList<>();
        List<String> modelTypes = List.of("foundation-model", "inference-profile");
        List<String> candidates = bedrockCandidates(e, List.of("foundation-model", "inference-profile", GUARDRAIL_TYPE));
        List<PolicyStatement> raw = e.raw();

        List<String> fullService = candidates.stream().filter(c -> granted(raw, ALL_BEDROCK, c)).toList();
        if (!fullService.isEmpty()) {
            problems.add(Message.of("IAM-01.full-service",
                    grantingStatements(e, List.of(ALL_BEDROCK), fullService, false)));
        }
        List<String> probes = candidates.stream().filter(IamGrants::isProbe)
                .filter(c -> modelTypes.contains(resourceType(arnParts(c)))).toList();
        List<String> anyModelActions = INVOKE_ACTIONS.stream()
                .filter(a -> probes.stream().anyMatch(p -> granted(raw, a, p))).toList();
        if (!anyModelActions.isEmpty()) {
            problems.add(Message.of("IAM-01.any-model", anyModelActions,
                    grantingStatements(e, anyModelActions, probes, false)));
        }
        // Named models that invocation is granted on.
        Map<String, List<String>> invocable = new LinkedHashMap<>();
        for (String c : candidates) {
            String[] p = arnParts(c);
            if (isProbe(c) || !MODEL_TYPES.contains(resourceType(p).toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<String> acts = INVOKE_ACTIONS.stream().filter(a -> granted(raw, a, c)).toList();
            if (!acts.isEmpty()) {
                invocable.put(c, acts);
            }
        }
        if (!allowed.isEmpty()) {
            List<String> outside = invocable.keySet().stream()
                    .filter(c -> !modelAllowed(resourceId(arnParts(c)), allowed)).toList();
            if (!outside.isEmpty()) {
                problems.add(Message.of("IAM-01.outside-allowed", outside,
                        grantingStatements(e, INVOKE_ACTIONS, outside, false)));
            }
        }
        e.missing().forEach(m -> problems.add(Message.of("IAM.cannot-verify", m)));
        if (!problems.isEmpty()) {
            return CheckResult.of(false, problems, expected);
        }
        List<Message> notes = new ArrayList<>();
        notes.add(invocable.isEmpty() ? Message.of("IAM-01.no-grant")
                : Message.of("IAM-01.limited-to", invocable.keySet()));
        List<Message> conditional = grantingStatements(e, concat(List.of(ALL_BEDROCK), INVOKE_ACTIONS),
                candidates, true);
        if (!conditional.isEmpty()) {
            notes.add(Message.of("IAM-01.conditional", conditional));
        }
        return CheckResult.of(true, notes, expected);
    }

    /** Is a model id (or the model behind a cross-region inference profile id) in the allowed list? */
    static boolean modelAllowed(String id, List<String> allowed) {
        if (Globs.matchesAny(allowed, id)) {
            return true;
        }
        int dot = id.indexOf('.');
        return dot > 0 && GEO_PREFIXES.contains(id.substring(0, dot).toLowerCase(Locale.ROOT))
                && Globs.matchesAny(allowed, id.substring(dot + 1));
    }

    /**
     * iam.guardrail-admin-restricted: a principal that can create, update or delete guardrails
     * unconditionally must be a designated security administrator (its ARN, which holds path
     * and name, matches one of {@code guardrailAdminPrincipalPatterns}). A grant restricted by a
     * condition passes: the condition is the restriction the checklist asks for.
     */
    public static CheckResult guardrailAdmin(Effective e, Policy policy) {
        List<String> patterns = policy.getGuardrailAdminPrincipalPatterns();
        Message expected = Message.of("IAM-03.expected", patterns);
        List<String> candidates = bedrockCandidates(e, List.of(GUARDRAIL_TYPE)).stream()
                .filter(c -> Globs.matches(resourceType(arnParts(c)), GUARDRAIL_TYPE)).toList();
        List<PolicyStatement> raw = e.raw();
        List<String> actions = GUARDRAIL_ACTIONS.stream()
                .filter(a -> candidates.stream().anyMatch(c -> granted(raw, a, c))).toList();
        String principalArn = e.principal().getArn();
        boolean admin = Globs.matchesAny(patterns, principalArn);
        List<Message> problems = new ArrayList<>();
        if (!actions.isEmpty() && !admin) {
            problems.add(Message.of("IAM-03.not-admin", actions,
                    grantingStatements(e, actions, candidates, false)));
        }
        e.missing().forEach(m -> problems.add(Message.of("IAM.cannot-verify", m)));
        if (!problems.isEmpty()) {
            return CheckResult.of(false, problems, expected);
        }
        List<Message> notes = new ArrayList<>();
        if (actions.isEmpty()) {
            notes.add(Message.of("IAM-03.cannot-change"));
        } else {
            notes.add(Message.of("IAM-03.admin", actions,
                    patterns.stream().filter(p -> Globs.matches(p, principalArn)).findFirst().orElse("")));
        }
        List<Message> conditional = grantingStatements(e, GUARDRAIL_ACTIONS, candidates, true);
        if (!conditional.isEmpty()) {
            notes.add(Message.of("IAM-03.conditional", conditional));
        }
        return CheckResult.of(true, notes, expected);
    }

    /** Text that a full-resource pattern matches: {@code *} and "every ARN" in each partition. */
    private static final List<String> ALL_RESOURCES = List.of("*", "arn:aws:*:*:*:*", "arn:aws-cn:*:*:*:*",
            "arn:aws-us-gov:*:*:*:*");

    /**
     * iam.no-admin-wildcards for one policy: no Allow of every action
     * ({@code *}, {@code *:*}) on every resource ({@code *}, {@code arn:aws:*}, or a NotResource
     * that leaves them). An Allow with NotAction on every resource counts as administrative
     * when it leaves IAM actions granted (the principal can then grant itself the rest); a
     * NotAction that excludes {@code iam:*} (PowerUserAccess-style) does not. An unconditional
     * Deny in the same policy that covers the grant removes it; other policies are not
     * considered, since the policy may be attached anywhere. An Allow under a condition still
     * allows * on * (whenever its condition holds, e.g. with MFA): the checklist and FSBP IAM.1
     * ask for none, so it fails, with the condition named in the evidence.
     */
    public static CheckResult adminWildcard(IamPolicy policy, Collection<?> statements) {
        List<PolicyStatement> own = statements.stream().filter(PolicyStatement.class::isInstance)
                .map(PolicyStatement.class::cast).filter(s -> policy.getArn().equals(s.getPolicyArn()))
                .sorted(java.util.Comparator.comparingInt(PolicyStatement::getIndex)).toList();
        Message expected = Message.of("IAM-02.expected");
        List<Message> admin = new ArrayList<>();
        List<Message> conditional = new ArrayList<>();
        for (PolicyStatement s : own) {
            if (!isAllow(s) || !allResources(s)) {
                continue;
            }
            String action = nonEmpty(s.getActions()) ? "*:*" : "iam:*";
            if (!coversAction(s, action)) {
                continue;
            }
            Attributed a = new Attributed(s, policy.getName(), kindLabel(policy));
            if (denied(own, action, "*")) {
                continue;
            }
            (s.isConditional() ? conditional : admin).add(a.describe());
        }
        Message where = policy.getAttachmentCount() > 0
                ? Message.of("IAM-02.attached", kindLabel(policy), policy.getAttachmentCount()) : kindLabel(policy);
        List<Message> problems = new ArrayList<>();
        if (!admin.isEmpty()) {
            problems.add(Message.of("IAM-02.admin", where, admin));
        }
        if (!conditional.isEmpty()) {
            problems.add(Message.of("IAM-02.admin.conditional", where, conditional));
        }
        if (!problems.isEmpty()) {
            return CheckResult.of(false, problems, expected);
        }
        return new CheckResult(true, Message.of("IAM-02.none", where), expected);
    }

    private static boolean allResources(PolicyStatement s) {
        if (nonEmpty(s.getResources())) {
            return s.getResources().stream().anyMatch(p -> ALL_RESOURCES.stream().anyMatch(r -> Globs.matches(p.trim(), r)));
        }
        if (nonEmpty(s.getNotResources())) {
            return s.getNotResources().stream().noneMatch(p -> Globs.matches(p.trim(), "arn:aws:*:*:*:*"));
        }
        return false;
    }

    private static Message kindLabel(IamPolicy p) {
        return Message.of("INLINE".equalsIgnoreCase(p.getKind()) ? "IAM.kind.inline"
                : "AWS_MANAGED".equalsIgnoreCase(p.getKind()) ? "IAM.kind.aws-managed" : "IAM.kind.customer-managed");
    }

    /** How a policy reaches a principal: its kind, and the group it comes through, if any. */
    private static Message via(Message kind, String viaGroup) {
        return viaGroup == null ? kind : Message.of("IAM.via-group", kind, viaGroup);
    }

    // ------------------------------------------------------------------ small things

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static boolean nonEmpty(List<?> l) {
        return l != null && !l.isEmpty();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
