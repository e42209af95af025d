package io.tenken.engine;

import io.tenken.collect.Calls;
import io.tenken.facts.AccountRegion;
import io.tenken.facts.Reads;
import io.tenken.facts.Resource;
import io.tenken.facts.ScanContext;
import io.tenken.findings.Finding;
import io.tenken.findings.Message;
import io.tenken.findings.Status;
import io.tenken.policy.Policy;
import io.tenken.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Runs a rule pack over a snapshot and turns the rules' verdicts into findings: one per
 * (rule, resource). The engine, not the rule author, guarantees fail-closed verdicts: a verdict
 * that read an unknown field or relied on an incomplete listing is ERROR, naming what was
 * unknown and why; verdicts that did not read it are untouched (see {@link Unknowns}).
 */
public final class Evaluator {
    /** Rules are trusted code; a rule that loops is an accident this budget turns into exit 2. */
    public static final java.time.Duration DEFAULT_TIME_BUDGET = java.time.Duration.ofMinutes(5);
    /**
     * Past 300,000 facts the budget grows by 1 ms a fact: evaluation is linear in the facts (a
     * million took 58 s on a quiet 2-core machine, 350 s or more on a loaded one), and a large
     * account must not be refused as if a rule looped.
     */
    static final java.time.Duration BUDGET_PER_FACT = java.time.Duration.ofMillis(1);

    private final RulePack pack;
    /** Null: {@link #budgetFor} the snapshot's facts. */
    private final java.time.Duration budget;

    public Evaluator(RulePack pack) {
        this(pack, null);
    }

    public Evaluator(RulePack pack, java.time.Duration budget) {
        this.pack = pack;
        this.budget = budget;
    }

    /** The default budget for an evaluation of {@code facts} facts: 5 minutes, or 1 ms a fact when that is more. */
    public static java.time.Duration budgetFor(long facts) {
        java.time.Duration scaled = BUDGET_PER_FACT.multipliedBy(facts);
        return scaled.compareTo(DEFAULT_TIME_BUDGET) > 0 ? scaled : DEFAULT_TIME_BUDGET;
    }

    /** Findings with evidence as messages: no language is involved until a report is rendered. */
    public List<Finding> evaluate(Snapshot snapshot, Policy policy) {
        UnknownState state = UnknownState.derive(snapshot, Calls.catalog(), requiredServices(), true);
        Unknowns unknowns = new Unknowns(pack, state);
        Verdicts verdicts = fire(snapshot, policy, state, unknowns);
        Map<String, List<Verdicts.Verdict>> byRule = verdicts.all().stream()
                .collect(Collectors.groupingBy(v -> pack.metadata(v.rule()).id()));
        List<Finding> findings = new ArrayList<>();
        for (RuleMetadata rule : pack.rules()) {
            findings.addAll(findingsFor(rule, byRule.getOrDefault(rule.id(), List.of()), unknowns, snapshot));
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }

    private List<String> requiredServices() {
        TreeSet<String> out = new TreeSet<>();
        pack.rules().forEach(r -> out.addAll(r.requires()));
        return List.copyOf(out);
    }

    private Verdicts fire(Snapshot snapshot, Policy policy, UnknownState state, Unknowns unknowns) {
        Verdicts verdicts = new Verdicts(pack.messages());
        StatelessKieSession session = pack.kieBase().newStatelessKieSession();
        session.setGlobal("verdicts", verdicts);
        session.addEventListener(new DefaultAgendaEventListener() {
            private int firstVerdict;
            private Reads.Log log;

            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                firing = event.getMatch().getRule();
                verdicts.firing(event.getMatch().getRule());
                firstVerdict = verdicts.all().size();
                log = Reads.begin();
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firing = null;
                Reads.end();
                List<Verdicts.Verdict> made = verdicts.all().subList(firstVerdict, verdicts.all().size());
                // A firing that made no verdict still counts: it may have stayed silent only
                // because of what it could not read (e.g. "no app function found" in a region
                // whose function listing is incomplete).
                unknowns.attribute(event.getMatch(), log, made);
            }
        });
        List<Object> facts = new ArrayList<>(state.facts());
        facts.add(policy);
        for (String region : new TreeSet<>(snapshot.getRegions() == null ? List.of() : snapshot.getRegions())) {
            facts.add(new AccountRegion(snapshot.getAccountId(), region));
        }
        ScanContext context = new ScanContext(snapshot.getAccountId(), snapshot.getPartition(),
                snapshot.getRegions() == null ? List.of() : snapshot.getRegions(), collectedAt(snapshot));
        facts.add(context);
        // The same values as globals, for rules over one of many facts (a million log groups):
        // a global costs nothing per fact, a join with the Policy fact costs two tuples each.
        Map<String, Object> globals = Map.of("policy", policy, "context", context,
                "lookup", new io.tenken.facts.Lookup(facts));
        for (org.kie.api.definition.KiePackage p : pack.kieBase().getKiePackages()) {
            for (org.kie.api.definition.rule.Global g : p.getGlobalVariables()) {
                if (globals.containsKey(g.getName())) {
                    session.setGlobal(g.getName(), globals.get(g.getName()));
                }
            }
        }
        runWithinBudget(budget != null ? budget : budgetFor(facts.size()), () -> {
            try {
                session.execute(facts);
            } finally {
                Reads.end();
            }
        });
        return verdicts;
    }

    private volatile org.kie.api.definition.rule.Rule firing;

    /** Runs the session on its own thread; past the budget, names the rule that was running. */
    private void runWithinBudget(java.time.Duration budget, Runnable work) {
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "tenken-rules");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(budget.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating rules", e);
        }
        if (worker.isAlive()) {
            org.kie.api.definition.rule.Rule rule = firing;
            worker.interrupt();
            throw rule == null ? io.tenken.InvalidInputException.of("error.budgetConditions", budget.toSeconds())
                    : io.tenken.InvalidInputException.of("error.budgetRule", rule.getName(), pack.metadata(rule).id(),
                            pack.origin(rule), budget.toSeconds());
        }
        if (failure[0] instanceof RuntimeException re) {
            throw re;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
    }

    private static java.time.Instant collectedAt(Snapshot snapshot) {
        try {
            return snapshot.getCollectedAt() == null ? null : java.time.Instant.parse(snapshot.getCollectedAt());
        } catch (java.time.format.DateTimeParseException e) {
            throw io.tenken.InvalidInputException.of("error.collectedAt", snapshot.getCollectedAt());
        }
    }

    private List<Finding> findingsFor(RuleMetadata rule, List<Verdicts.Verdict> verdicts, Unknowns unknowns,
                                      Snapshot snapshot) {
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        Set<String> errorRegions = new TreeSet<>();
        boolean aggregate = false;
        for (List<Verdicts.Verdict> same : byResource(verdicts)) {
            Verdicts.Verdict first = same.get(0);
            seen.add(first.resourceId());
            aggregate |= first.scope() != Verdicts.Scope.RESOURCE;
            // A FAIL that read nothing unknown stands; otherwise anything unknown makes it ERROR.
            List<Verdicts.Verdict> certain = same.stream().filter(v -> unknowns.reasons(v).isEmpty()).toList();
            boolean certainFail = certain.stream().anyMatch(v -> v.status() == Status.FAIL);
            if (!certainFail && certain.size() < same.size()) {
                java.util.TreeMap<String, Message> why = new java.util.TreeMap<>();
                same.forEach(v -> unknowns.reasons(v).forEach(r -> why.putIfAbsent(r.message().toString(), r.message())));
                Message expected = Message.list(same.stream().map(Verdicts.Verdict::expected).distinct()
                        .sorted(Message.ORDER).toList());
                out.add(finding(rule, Status.ERROR, first.region(), first.resourceId(),
                        Message.of("engine.not-evaluated", Message.list(List.copyOf(why.values()))), expected));
                errorRegions.add(first.region() == null ? Resource.GLOBAL : first.region());
                continue;
            }
            Status status = certainFail ? Status.FAIL : Status.PASS;
            Message observed = joined(certain, status, Verdicts.Verdict::observed);
            Message expected = joined(certain, status, Verdicts.Verdict::expected);
            out.add(finding(rule, status, first.region(), first.resourceId(), observed, expected));
        }
        for (Unknowns.Gap gap : unknowns.gaps(rule.id(), aggregate)) {
            boolean covered = gap.region() == null ? !errorRegions.isEmpty()
                    : errorRegions.contains(gap.region()) || errorRegions.contains(Resource.GLOBAL);
            if (seen.contains(gap.resourceId()) || (gap.listing() && covered)) {
                continue;
            }
            seen.add(gap.resourceId());
            out.add(finding(rule, Status.ERROR, gap.region(), gap.resourceId(),
                    Message.of("engine.not-evaluated", gap.why()), Message.of("engine.readable")));
        }
        if (out.isEmpty()) {
            out.add(finding(rule, Status.NOT_APPLICABLE, Resource.GLOBAL, snapshot.getAccountId(),
                    Message.of("engine.no-resource"), Message.of("engine.nothing-expected")));
        }
        return out;
    }

    /**
     * Verdicts per resource, each run in firing order. A stable sort by resource id instead of a
     * map of lists: at a million resources, a list per resource costs more than the verdicts.
     */
    private static List<List<Verdicts.Verdict>> byResource(List<Verdicts.Verdict> verdicts) {
        List<Verdicts.Verdict> sorted = new ArrayList<>(verdicts);
        sorted.sort(java.util.Comparator.comparing(Verdicts.Verdict::resourceId,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        List<List<Verdicts.Verdict>> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || !java.util.Objects.equals(sorted.get(i).resourceId(),
                    sorted.get(start).resourceId())) {
                runs.add(sorted.subList(start, i));
                start = i;
            }
        }
        return runs;
    }

    /** The evidence of every verdict with the finding's status, each message once, in a stable order. */
    private static Message joined(List<Verdicts.Verdict> same, Status status,
                                  java.util.function.Function<Verdicts.Verdict, Message> part) {
        if (same.size() == 1) {
            return part.apply(same.get(0)); // a list of one message is that message: no stream, no copy
        }
        return Message.list(same.stream().filter(v -> v.status() == status).map(part)
                .distinct().sorted(Message.ORDER).toList());
    }

    private static Finding finding(RuleMetadata rule, Status status, String region,
                                   String resourceId, Message observed, Message expected) {
        return new Finding(rule.id(), status, rule.severity(), rule.service(), rule.concepts(),
                region == null ? Resource.GLOBAL : region, resourceId == null ? "" : resourceId, observed, expected);
    }
}
