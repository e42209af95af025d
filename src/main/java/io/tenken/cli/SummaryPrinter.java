package io.tenken.cli;

import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The one-screen summary printed after every run. */
final class SummaryPrinter {
    private static final int MAX_RULES = 12;

    private SummaryPrinter() {
    }

    static void print(PrintStream out, String label, Report report, List<Path> files) {
        var m = report.metadata();
        var s = report.summary();
        out.printf("%s: account %s, regions %s, collected %s%n", label, m.accountId(),
                String.join(",", m.regions()), m.collectedAt());
        out.printf("  %d findings: %d PASS, %d FAIL, %d ERROR, %d N/A%n", s.total(), s.count(Status.PASS),
                s.count(Status.FAIL), s.count(Status.ERROR), s.count(Status.NOT_APPLICABLE));
        StringBuilder sev = new StringBuilder("  FAIL by severity:");
        for (Severity v : Severity.values()) {
            sev.append(' ').append(v.name()).append('=').append(s.bySeverity().get(v.name()).get(Status.FAIL.name()));
        }
        out.println(sev);
        Map<String, int[]> byRule = new TreeMap<>();
        for (Finding f : report.findings()) {
            if (f.status() == Status.FAIL || f.status() == Status.ERROR) {
                int[] c = byRule.computeIfAbsent(f.severity().ordinal() + " " + f.ruleId() + "  " + f.title(), k -> new int[2]);
                c[f.status() == Status.FAIL ? 0 : 1]++;
            }
        }
        int shown = 0;
        for (Map.Entry<String, int[]> e : byRule.entrySet()) {
            if (shown++ == MAX_RULES) {
                out.printf("  ... and %d more rules with findings%n", byRule.size() - MAX_RULES);
                break;
            }
            String key = e.getKey();
            Severity severity = Severity.values()[Integer.parseInt(key.substring(0, key.indexOf(' ')))];
            out.printf("  %-8s %s  (%s)%n", severity, key.substring(key.indexOf(' ') + 1),
                    (e.getValue()[0] > 0 ? e.getValue()[0] + " FAIL" : "")
                            + (e.getValue()[0] > 0 && e.getValue()[1] > 0 ? ", " : "")
                            + (e.getValue()[1] > 0 ? e.getValue()[1] + " ERROR" : ""));
        }
        for (Path p : files) {
            out.println("  report: " + p);
        }
    }
}
