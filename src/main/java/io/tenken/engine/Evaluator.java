package io.tenken.engine;

import io.tenken.facts.AccountRegion;
import io.tenken.facts.AccountSettings;
import io.tenken.facts.CollectionError;
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
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Runs a rule pack over a snapshot and turns the rules' verdicts into findings: one per
 * (rule, resource), with collection errors overlaid so nothing unseen reads as PASS.
 */
public final class Evaluator {
    private final RulePack pack;

    public Evaluator(RulePack pack) {
        this.pack = pack;
    }

    /** Findings with evidence as messages: no language is involved until a report is rendered. */
    public List<Finding> evaluate(Snapshot snapshot, Policy policy) {
        Verdicts verdicts = fire(snapshot, policy);
        List<CollectionError> errors = ErrorScope.effectiveErrors(snapshot, pack.rules());
        Map<String, List<Verdicts.Verdict>> byRule = verdicts.all().stream()
                .collect(Collectors.groupingBy(v -> pack.metadata(v.rule()).id()));
        List<Finding> findings = new ArrayList<>();
        for (RuleMetadata rule : pack.rules()) {
            findings.addAll(findingsFor(rule, byRule.getOrDefault(rule.id(), List.of()), errors, snapshot));
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }

    private Verdicts fire(Snapshot snapshot, Policy policy) {
        Verdicts verdicts = new Verdicts(pack.messages());
        StatelessKieSession session = pack.kieBase().newStatelessKieSession();
        session.setGlobal("verdicts", verdicts);
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                verdicts.firing(event.getMatch().getRule());
            }
        });
        List<Object> facts = new ArrayList<>(snapshot.getFacts().all());
        if (snapshot.getFacts().getAccountSettings() == null) {
            // Account-level rules (e.g. "a trail is logging") must fire even when the snapshot
            // has no account settings, or "no trail" would read as NOT_APPLICABLE.
            facts.add(0, AccountSettings.builder().accountId(snapshot.getAccountId())
                    .partition(snapshot.getPartition()).build());
        }
        facts.add(policy);
        for (String region : new java.util.TreeSet<>(snapshot.getRegions() == null ? List.of() : snapshot.getRegions())) {
            facts.add(new AccountRegion(snapshot.getAccountId(), region));
        }
        facts.add(new ScanContext(snapshot.getAccountId(), snapshot.getPartition(),
                snapshot.getRegions() == null ? List.of() : snapshot.getRegions(), collectedAt(snapshot)));
        session.execute(facts);
        return verdicts;
    }

    private static java.time.Instant collectedAt(Snapshot snapshot) {
        try {
            return snapshot.getCollectedAt() == null ? null : java.time.Instant.parse(snapshot.getCollectedAt());
        } catch (java.time.format.DateTimeParseException e) {
            throw new io.tenken.InvalidInputException("snapshot collectedAt '" + snapshot.getCollectedAt()
                    + "' is not an ISO-8601 instant (e.g. 2026-11-01T09:00:00Z)");
        }
    }

    private List<Finding> findingsFor(RuleMetadata rule, List<Verdicts.Verdict> verdicts,
                                      List<CollectionError> allErrors, Snapshot snapshot) {
        List<CollectionError> errors = allErrors.stream()
                .filter(e -> rule.requires().contains(e.getService())).toList();
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (List<Verdicts.Verdict> same : byResource(verdicts)) {
            Verdicts.Verdict first = same.get(0);
            seen.add(first.resourceId());
            Status status = same.stream().anyMatch(v -> v.status() == Status.FAIL) ? Status.FAIL : Status.PASS;
            Message observed = joined(same, status, Verdicts.Verdict::observed);
            Message expected = joined(same, status, Verdicts.Verdict::expected);
            CollectionError blocking = ErrorScope.blocking(errors, first.resourceId(), first.region(),
                    first.scope(), status);
            if (blocking != null) {
                out.add(finding(rule, Status.ERROR, first.region(), first.resourceId(),
                        ErrorScope.describe(blocking), expected));
            } else {
                out.add(finding(rule, status, first.region(), first.resourceId(), observed, expected));
            }
        }
        for (CollectionError e : errors) {
            String resourceId = ErrorScope.resourceOf(e);
            if (seen.add(resourceId)) {
                out.add(finding(rule, Status.ERROR, e.getRegion(), resourceId,
                        ErrorScope.describe(e), Message.of("engine.readable")));
            }
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
