package io.tenken.engine;

import io.tenken.facts.Fallible;
import io.tenken.facts.Reads;
import io.tenken.facts.Resource;
import io.tenken.facts.Unknown;
import io.tenken.findings.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;

/**
 * The engine's guarantee: a verdict that read anything unknown is ERROR. What a verdict read is
 * the union of
 * <ol>
 * <li>the fields its rule's conditions read on the facts of its match ({@link RuleReads}, static,
 *     per rule);</li>
 * <li>for every kind the rule quantifies over ({@code not}, {@code exists}, {@code collect},
 *     {@code accumulate}): the completeness of that kind's listing, in every region, and the
 *     fields the quantified pattern reads on every fact of the kind;</li>
 * <li>the unknown fields its consequence read, through the getters that report reads (the read
 *     log of that firing, including reads inside {@code io.tenken.checks} helpers);</li>
 * <li>any fact in its match, or in a list the rule collected, that is wholly unknown.</li>
 * </ol>
 * It also finds the findings that no verdict stands for ({@link #gaps}): a fact a rule's
 * pattern would have matched but for an unknown field, and the resources an incomplete listing
 * may have hidden from a rule's patterns.
 */
final class Unknowns {
    /** One thing a verdict relied on that is not known. */
    record Reason(String kind, String subject, String field, String region, Unknown why) {
        Message message() {
            if (field == null) {
                return Message.of("engine.incomplete-listing", kind, region, cause(why));
            }
            return Fallible.ALL_FIELDS.equals(field) ? Message.of("engine.unknown-fact", kind, subject, cause(why))
                    : Message.of("engine.unknown-field", kind, subject, field, cause(why));
        }
    }

    /** Why a value is unknown, as a message: the failed call or the unresolved expression. */
    static Message cause(Unknown u) {
        if (Unknown.MISSING.equals(u.getSource())) {
            return Message.of("engine.missing", u.getMessage());
        }
        if (Unknown.EXPRESSION.equals(u.getSource())) {
            return Message.of("engine.unresolved-expression", u.getExpression(),
                    u.getLocation() == null ? "-" : u.getLocation());
        }
        if (UnknownState.NOT_COLLECTED.equals(u.getErrorCode())) {
            return Message.of("engine.not-collected", u.getService());
        }
        String region = u.getRegion() == null ? Resource.GLOBAL : u.getRegion();
        return u.getMessage() == null || u.getMessage().isBlank()
                ? Message.of("engine.collection-failed", u.getService(), u.getOperation(), region, u.getErrorCode())
                : Message.of("engine.collection-failed.detail", u.getService(), u.getOperation(), region,
                        u.getErrorCode(), u.getMessage());
    }

    /** An ERROR finding no verdict stands for. */
    record Gap(String resourceId, String region, Message why, boolean listing) {
    }

    private final RulePack pack;
    private final UnknownState state;
    private final Map<Verdicts.Verdict, List<Reason>> byVerdict = new IdentityHashMap<>();
    /** Per rule, per quantified pattern: everything unknown about its kind (computed once). */
    private final Map<String, List<List<Reason>>> quantifiedByRule = new ConcurrentHashMap<>();

    Unknowns(RulePack pack, UnknownState state) {
        this.pack = pack;
        this.state = state;
    }

    List<Reason> reasons(Verdicts.Verdict v) {
        return byVerdict.getOrDefault(v, List.of());
    }

    /** Records what the verdicts one firing made relied on. */
    void attribute(Match match, Reads.Log log, List<Verdicts.Verdict> made) {
        Rule rule = match.getRule();
        RuleReads reads = pack.reads(rule);
        List<String> ids = match.getDeclarationIds();
        List<List<Reason>> perPattern = quantifiedByRule.computeIfAbsent(RulePack.key(rule),
                k -> reads.quantified().stream().map(this::quantified).toList());
        List<Reason> out = new ArrayList<>();
        for (int q = 0; q < perPattern.size(); q++) {
            String regionOf = reads.quantified().get(q).regionOf();
            Object joined = regionOf != null && ids.contains(regionOf) ? match.getDeclarationValue(regionOf) : null;
            if (joined instanceof Resource r && r.getRegion() != null) {
                for (Reason reason : perPattern.get(q)) {
                    if (reason.region() == null || reason.region().equals(r.getRegion())
                            || Resource.GLOBAL.equals(reason.region()) || "every region".equals(reason.region())) {
                        out.add(reason);
                    }
                }
            } else {
                out.addAll(perPattern.get(q));
            }
        }
        for (Map.Entry<String, Class<?>> bound : reads.boundKinds().entrySet()) {
            Set<String> fields = reads.boundFields(bound.getKey());
            if (!ids.contains(bound.getKey())) {
                out.addAll(quantified(new RuleReads.Quantified(bound.getValue(), fields)));
                continue;
            }
            if (match.getDeclarationValue(bound.getKey()) instanceof Fallible f) {
                out.addAll(fieldReasons(f, fields, true));
            }
        }
        for (String id : ids) {
            if (match.getDeclarationValue(id) instanceof Collection<?> list) {
                for (Object o : list) {
                    if (o instanceof Fallible f && f.getUnknown() != null && f.getUnknown().containsKey(Fallible.ALL_FIELDS)) {
                        out.add(reason(f, Fallible.ALL_FIELDS, f.getUnknown().get(Fallible.ALL_FIELDS)));
                    }
                }
            }
        }
        for (Reads.Read r : log.reads()) {
            out.add(reason(r.fact(), r.field(), r.why()));
        }
        if (out.isEmpty()) {
            return;
        }
        List<Reason> copy = List.copyOf(out);
        if (made.isEmpty()) {
            silent(rule, match, copy);
            return;
        }
        made.forEach(v -> byVerdict.put(v, copy));
    }

    /** Per rule (package.name): resources a firing judged nothing about, having read something unknown. */
    private final Map<String, Map<String, Gap>> silent = new ConcurrentHashMap<>();

    private void silent(Rule rule, Match match, List<Reason> reasons) {
        for (String id : match.getDeclarationIds()) {
            if (match.getDeclarationValue(id) instanceof Resource r && r.getResourceId() != null) {
                silent.computeIfAbsent(RulePack.key(rule), k -> new ConcurrentHashMap<>()).putIfAbsent(
                        r.getResourceId(), new Gap(r.getResourceId(), r.getRegion(), join(reasons), false));
                return;
            }
        }
    }

    private List<Reason> quantified(RuleReads.Quantified q) {
        List<Reason> out = new ArrayList<>();
        state.incomplete(q.kind()).forEach((region, why) -> out.add(new Reason(kindName(q.kind()), null, null,
                UnknownState.EVERY_REGION.equals(region) ? "every region" : region, why)));
        for (Object o : state.facts()) {
            if (q.kind().isInstance(o) && o instanceof Fallible f) {
                out.addAll(fieldReasons(f, q.fields(), true));
            }
        }
        return List.copyOf(out);
    }

    /** Unknown fields of {@code f} among {@code fields}; a wholly unknown fact always counts. */
    private static List<Reason> fieldReasons(Fallible f, Set<String> fields, boolean wholeCounts) {
        Map<String, Unknown> unknown = f.getUnknown();
        if (unknown == null || unknown.isEmpty()) {
            return List.of();
        }
        List<Reason> out = new ArrayList<>();
        if (wholeCounts && unknown.containsKey(Fallible.ALL_FIELDS)) {
            out.add(reason(f, Fallible.ALL_FIELDS, unknown.get(Fallible.ALL_FIELDS)));
            return out;
        }
        if (fields.contains(Fallible.ALL_FIELDS)) {
            unknown.forEach((field, why) -> out.add(reason(f, field, why)));
            return out;
        }
        for (String field : fields) {
            Unknown why = f.unknown(field);
            if (why != null) {
                out.add(reason(f, field, why));
            }
        }
        return out;
    }

    private static Reason reason(Fallible f, String field, Unknown why) {
        return new Reason(kindName(f.getClass()), f.getResourceId(), field, f.getRegion(), why);
    }

    private static String kindName(Class<?> kind) {
        return kind == Object.class ? "resource" : kind.getSimpleName();
    }

    /**
     * ERROR findings no verdict stands for: facts a rule's patterns skipped because a field they
     * test is unknown (unless the check reports per region or account, where the region's own
     * verdict carries the ERROR), and the resources an incomplete listing may have hidden.
     */
    List<Gap> gaps(String ruleId, boolean aggregate) {
        Map<String, Gap> out = new LinkedHashMap<>();
        for (Rule rule : pack.drlRules(ruleId)) {
            java.util.Set<Class<?>> judgedByAbsence = judgedByAbsence(rule, ruleId);
            silent.getOrDefault(RulePack.key(rule), Map.of()).values().stream()
                    .sorted(java.util.Comparator.comparing(Gap::resourceId))
                    .forEach(g -> out.putIfAbsent(g.resourceId(), g));
            RuleReads reads = pack.reads(rule);
            for (Map.Entry<String, Class<?>> bound : reads.boundKinds().entrySet()) {
                Class<?> kind = bound.getValue();
                if (!aggregate) {
                    for (Object o : state.facts()) {
                        if (kind.isInstance(o) && o instanceof Fallible f) {
                            List<Reason> rs = fieldReasons(f, reads.boundFields(bound.getKey()), false);
                            if (!rs.isEmpty()) {
                                out.putIfAbsent(f.getResourceId(), new Gap(f.getResourceId(), f.getRegion(),
                                        join(rs), false));
                            }
                        }
                    }
                }
                if (!judgedByAbsence.contains(kind)) {
                    state.incomplete(kind).forEach((region, why) -> listingGap(out, kind, region, why));
                }
            }
            for (RuleReads.Quantified q : reads.quantified()) {
                // A listing that may have hidden the facts the rule needs in order to fire at all.
                if (q.gates()) {
                    state.incomplete(q.kind()).forEach((region, why) -> listingGap(out, q.kind(), region, why));
                }
            }
            if (!aggregate) {
                // A quantifier (exists, not) over unknown data may have kept the rule from
                // firing for any resource: the unknown facts stand for what it did not judge.
                for (RuleReads.Quantified q : reads.quantified()) {
                    for (Reason r : quantified(q)) {
                        if (r.field() != null) {
                            out.putIfAbsent(r.subject(), new Gap(r.subject(), r.region(),
                                    Message.of("engine.applies-unknown", r.message()), false));
                        }
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * The kinds that drive {@code rule} to its subject ({@code $t : Trail()  $g : LogGroup(...) from
     * lookup...}) and that a sibling rule of the same check, binding the same subject kind, fires
     * on the absence of ({@code $g : LogGroup(...)  not Trail(...)}): a subject an incomplete
     * listing of the driver hides from {@code rule} is judged by the sibling, whose verdict then
     * carries the listing's reason, so no listing row is owed for the driver.
     */
    private java.util.Set<Class<?>> judgedByAbsence(Rule rule, String ruleId) {
        java.util.Set<Class<?>> out = new java.util.HashSet<>();
        java.util.Collection<Class<?>> mine = pack.reads(rule).boundKinds().values();
        for (Rule sibling : pack.drlRules(ruleId)) {
            RuleReads reads = pack.reads(sibling);
            if (sibling != rule && reads.boundKinds().values().stream().anyMatch(mine::contains)) {
                reads.negatedKinds().stream().filter(mine::contains).forEach(out::add);
            }
        }
        return out;
    }

    private void listingGap(Map<String, Gap> out, Class<?> kind, String region, Unknown why) {
        boolean every = UnknownState.EVERY_REGION.equals(region);
        String shown = every ? Resource.GLOBAL : region;
        // Named after the service whose call failed: one kind (SecurityService) has several.
        String id = (why.getService() != null ? why.getService() : state.serviceOf(kind)) + ":" + shown;
        out.putIfAbsent(id, new Gap(id, every ? null : shown, Message.of("engine.not-listed",
                new Reason(kindName(kind), null, null, every ? "every region" : region, why).message()), true));
    }

    private static Message join(List<Reason> reasons) {
        java.util.TreeMap<String, Message> sorted = new java.util.TreeMap<>();
        reasons.forEach(r -> sorted.putIfAbsent(r.message().toString(), r.message()));
        return Message.list(List.copyOf(sorted.values()));
    }
}
