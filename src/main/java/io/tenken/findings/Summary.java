package io.tenken.findings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finding counts per status, per severity and per service (every key present, zeros kept). */
public record Summary(int total, Map<String, Integer> byStatus, Map<String, Map<String, Integer>> bySeverity,
                      Map<String, Map<String, Integer>> byService) {

    public static Summary of(List<Finding> findings) {
        Map<String, Integer> byStatus = emptyCounts();
        Map<String, Map<String, Integer>> bySeverity = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            bySeverity.put(s.name(), emptyCounts());
        }
        Map<String, Map<String, Integer>> byService = new TreeMap<>();
        for (Finding f : findings) {
            byStatus.merge(f.status().name(), 1, Integer::sum);
            bySeverity.get(f.severity().name()).merge(f.status().name(), 1, Integer::sum);
            byService.computeIfAbsent(f.service(), k -> emptyCounts()).merge(f.status().name(), 1, Integer::sum);
        }
        return new Summary(findings.size(), byStatus, bySeverity, byService);
    }

    private static Map<String, Integer> emptyCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            m.put(s.name(), 0);
        }
        return m;
    }

    public int count(Status status) {
        return byStatus.getOrDefault(status.name(), 0);
    }

    /** FAIL findings at or above {@code threshold}. */
    public int failuresAtLeast(Severity threshold) {
        int n = 0;
        for (Severity s : Severity.values()) {
            if (s.atLeast(threshold)) {
                n += bySeverity.get(s.name()).get(Status.FAIL.name());
            }
        }
        return n;
    }
}
