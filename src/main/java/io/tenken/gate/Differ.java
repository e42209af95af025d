package io.tenken.gate;

import io.tenken.findings.ConceptScore;
import io.tenken.findings.DiffEntry;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.ReportDiff;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Compares findings with a baseline by rule id + resource id (see {@link ReportDiff} for the categories). */
public final class Differ {
    private static final Comparator<DiffEntry> ORDER = Comparator.comparing(DiffEntry::severity)
            .thenComparing(DiffEntry::ruleId).thenComparing(DiffEntry::resourceId);

    private Differ() {
    }

    public static Report withDiff(Report report, Baseline baseline) {
        return report.withDiff(diff(baseline, report));
    }

    public static ReportDiff diff(Baseline baseline, Report current) {
        Scores scores = scores(current.findings(), Finding::ruleId, Finding::concepts, Finding::status, baseline);
        return diff(baseline.sha256(), baseline.metadata().snapshotSha256(), baseline.metadata().collectedAt(),
                entries(baseline),
                current.findings().stream().map(f -> new DiffEntry(f.ruleId(), f.resourceId(), f.region(), f.severity(),
                        current.title(f), null, f.status())).toList(), scores.now(), scores.then());
    }

    /** Two saved reports ({@code tenken diff OLD NEW}). */
    public static ReportDiff diff(Baseline old, Baseline current) {
        Scores scores = scores(current.findings(), Baseline.Item::ruleId, Differ::concepts, Baseline.Item::status, old);
        return diff(old.sha256(), old.metadata().snapshotSha256(), old.metadata().collectedAt(), entries(old),
                entries(current), scores.now(), scores.then());
    }

    private record Scores(ConceptScore now, ConceptScore then) {
    }

    /**
     * The score now and at the baseline, both over the concepts the current findings check. A
     * baseline finding without concepts (reports before schemaVersion 3 may lack them) takes its
     * rule's concepts as the current findings name them.
     */
    private static <T> Scores scores(List<T> current, Function<T, String> ruleId, Function<T, List<String>> concepts,
                                     Function<T, Status> status, Baseline baseline) {
        Map<String, List<String>> ruleConcepts = new HashMap<>();
        Set<String> checked = new TreeSet<>();
        for (T f : current) {
            ruleConcepts.putIfAbsent(ruleId.apply(f), concepts.apply(f));
            checked.addAll(concepts.apply(f));
        }
        ConceptScore now = ConceptScore.of(current, concepts, status, checked);
        ConceptScore then = ConceptScore.of(baseline.findings(), i -> i.concepts() != null ? i.concepts()
                : ruleConcepts.getOrDefault(i.ruleId(), List.of()), Baseline.Item::status, checked);
        return new Scores(now, then);
    }

    private static List<String> concepts(Baseline.Item i) {
        return i.concepts() == null ? List.of() : i.concepts();
    }

    private static List<DiffEntry> entries(Baseline b) {
        return b.findings().stream().map(i -> new DiffEntry(i.ruleId(), i.resourceId(), i.region(), i.severity(),
                i.title(), null, i.status())).toList();
    }

    /** Both sides as entries whose {@code status} is their status on that side. */
    public static ReportDiff diff(String baselineSha, String baselineSnapshotSha, String baselineCollectedAt,
                                  List<DiffEntry> before, List<DiffEntry> after, ConceptScore score,
                                  ConceptScore baselineScore) {
        Map<String, DiffEntry> was = new HashMap<>();
        for (DiffEntry e : before) {
            was.put(key(e), e);
        }
        Map<String, DiffEntry> now = new HashMap<>();
        List<DiffEntry> newFailures = new ArrayList<>();
        List<DiffEntry> stillFailing = new ArrayList<>();
        List<DiffEntry> newlyWaived = new ArrayList<>();
        List<DiffEntry> resolved = new ArrayList<>();
        List<DiffEntry> notEvaluated = new ArrayList<>();
        java.util.Set<String> rulesWithErrors = new java.util.HashSet<>();
        after.stream().filter(e -> e.status() == Status.ERROR).forEach(e -> rulesWithErrors.add(e.ruleId()));
        for (DiffEntry e : after) {
            now.put(key(e), e);
            DiffEntry prev = was.get(key(e));
            Status p = prev == null ? null : prev.status();
            DiffEntry row = new DiffEntry(e.ruleId(), e.resourceId(), e.region(), e.severity(), e.title(), p,
                    e.status());
            if (e.status() == Status.FAIL) {
                (p == Status.FAIL ? stillFailing : newFailures).add(row);
            } else if (e.status() == Status.WAIVED && p != Status.WAIVED) {
                newlyWaived.add(row);
            } else if (e.status() == Status.ERROR && (p == Status.FAIL || p == Status.WAIVED)) {
                notEvaluated.add(row);
            } else if ((e.status() == Status.PASS || e.status() == Status.NOT_APPLICABLE)
                    && (p == Status.FAIL || p == Status.WAIVED)) {
                resolved.add(row);
            }
        }
        for (DiffEntry e : before) {
            if ((e.status() == Status.FAIL || e.status() == Status.WAIVED) && !now.containsKey(key(e))) {
                // Gone while its check reports ERROR (on any resource id: a listing that failed, a
                // service-wide row): it may be there still, unseen. Not resolved.
                (rulesWithErrors.contains(e.ruleId()) ? notEvaluated : resolved).add(new DiffEntry(e.ruleId(),
                        e.resourceId(), e.region(), e.severity(), e.title(), e.status(), null));
            }
        }
        return new ReportDiff(baselineSha, baselineSnapshotSha, baselineCollectedAt, sorted(newFailures),
                sorted(resolved), sorted(stillFailing), sorted(newlyWaived), sorted(notEvaluated), score, baselineScore);
    }

    /** New failures at or above {@code threshold}: what {@code --fail-on-new} gates on. */
    public static long newFailuresAtLeast(ReportDiff diff, Severity threshold) {
        return diff.newFailures().stream().filter(e -> e.severity().atLeast(threshold)).count();
    }

    private static String key(DiffEntry e) {
        return e.ruleId() + "\u0000" + e.resourceId();
    }

    private static List<DiffEntry> sorted(List<DiffEntry> l) {
        l.sort(ORDER);
        return List.copyOf(l);
    }
}
