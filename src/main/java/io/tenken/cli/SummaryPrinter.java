package io.tenken.cli;

import io.tenken.report.Labels;
import io.tenken.findings.DiffEntry;
import io.tenken.findings.Finding;
import io.tenken.findings.ReportDiff;
import io.tenken.findings.WaiverStatus;
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

    static void printWaivers(PrintStream out, Report report) {
        Map<String, String> t = Labels.forLanguage(report.metadata().lang());
        if (report.metadata().waiversSha256() == null) {
            return;
        }
        Map<String, Integer> states = new TreeMap<>();
        for (WaiverStatus w : report.waivers()) {
            states.merge(w.state(), 1, Integer::sum);
        }
        out.println("  " + Labels.format(t, "cli.waivers", report.metadata().asOf(),
                states.getOrDefault(WaiverStatus.ACTIVE, 0), states.getOrDefault(WaiverStatus.EXPIRED, 0),
                states.getOrDefault(WaiverStatus.UNUSED, 0)));
        for (WaiverStatus w : report.waivers()) {
            if (!WaiverStatus.ACTIVE.equals(w.state())) {
                out.println("    " + Labels.format(t, "cli.waiverLine", String.format("%-7s",
                        t.getOrDefault("waivers.state." + w.state(), w.state())), w.index(), w.ruleId(),
                        oneLine(w.resource()), w.expires()));
            }
        }
    }

    static void printDiff(PrintStream out, ReportDiff d, Map<String, String> t) {
        if (d == null) {
            return;
        }
        out.println("  " + Labels.format(t, "cli.diff", d.newFailures().size(), d.resolved().size(),
                d.stillFailing().size(), d.newlyWaived().size(), d.notEvaluated().size()));
        out.println("  " + io.tenken.report.DiffRenderer.scoreLine(d, t));
        int shown = 0;
        for (DiffEntry e : d.newFailures()) {
            if (shown++ == MAX_RULES) {
                out.println("    " + Labels.format(t, "cli.moreNew", d.newFailures().size() - MAX_RULES));
                break;
            }
            out.printf("    %s  %-8s %s %s%n", t.get("cli.new"), t.get("severity." + e.severity()), e.ruleId(),
                    oneLine(e.resourceId()));
        }
    }

    /** Resource names are attacker-controlled: no control characters reach the terminal. */
    static String oneLine(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    static void print(PrintStream out, String label, Report report, List<Path> files) {
        var m = report.metadata();
        var s = report.summary();
        Map<String, String> t = Labels.forLanguage(m.lang());
        out.println(Labels.format(t, "cli.header", label, m.accountId(), String.join(",", m.regions()), m.collectedAt()));
        out.println("  " + Labels.format(t, "cli.counts", s.total(), s.count(Status.PASS), s.count(Status.FAIL),
                s.count(Status.ERROR), s.count(Status.NOT_APPLICABLE), s.count(Status.WAIVED)));
        StringBuilder sev = new StringBuilder("  " + t.get("cli.failBySeverity"));
        for (Severity v : Severity.values()) {
            sev.append(' ').append(t.get("severity." + v.name())).append('=')
                    .append(s.bySeverity().get(v.name()).get(Status.FAIL.name()));
        }
        out.println(sev);
        Map<String, int[]> byRule = new TreeMap<>();
        for (Finding f : report.findings()) {
            if (f.status() == Status.FAIL || f.status() == Status.ERROR) {
                int[] c = byRule.computeIfAbsent(f.severity().ordinal() + " " + f.ruleId() + "  " + report.title(f), k -> new int[2]);
                c[f.status() == Status.FAIL ? 0 : 1]++;
            }
        }
        int shown = 0;
        for (Map.Entry<String, int[]> e : byRule.entrySet()) {
            if (shown++ == MAX_RULES) {
                out.println("  " + Labels.format(t, "cli.moreRules", byRule.size() - MAX_RULES));
                break;
            }
            String key = e.getKey();
            Severity severity = Severity.values()[Integer.parseInt(key.substring(0, key.indexOf(' ')))];
            out.printf("  %-8s %s  (%s)%n", t.get("severity." + severity.name()), key.substring(key.indexOf(' ') + 1),
                    (e.getValue()[0] > 0 ? Labels.format(t, "cli.ruleFail", e.getValue()[0]) : "")
                            + (e.getValue()[0] > 0 && e.getValue()[1] > 0 ? ", " : "")
                            + (e.getValue()[1] > 0 ? Labels.format(t, "cli.ruleError", e.getValue()[1]) : ""));
        }
        printWaivers(out, report);
        printDiff(out, report.diff(), t);
        for (Path p : files) {
            out.println("  " + Labels.format(t, "cli.report", p));
        }
    }
}
