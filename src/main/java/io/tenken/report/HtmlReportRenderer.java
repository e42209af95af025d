package io.tenken.report;

import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.RuleInfo;
import io.tenken.findings.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A single self-contained HTML page for people: summary, coverage, waivers, changes since the
 * baseline, rules with remediation, and every finding. Findings travel as a JSON data island
 * ({@code <script type="application/json">}, streamed by {@link DataIsland}; {@code < > &} are written
 * as {@code \u003c} etc. so no resource name can close the element) that a small inline script filters (status, severity,
 * service, rule, free text) and pages, writing every value with {@code textContent}. Without
 * JavaScript the page still shows the summary and every FAIL finding. No external assets.
 */
public final class HtmlReportRenderer implements ReportRenderer {
    /** Rows per section of the server-rendered diff tables (the JSON report has them all). */
    static final int MAX_DIFF_ROWS = 500;

    @Override
    public String format() {
        return "html";
    }

    @Override
    public String fileName() {
        return "report.html";
    }

    @Override
    public java.util.List<String> templates() {
        return java.util.List.of("report.html.ftlh");
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        // Most severe rules first; within a rule, findings keep the report's stable order.
        List<RuleInfo> rules = report.rules().stream()
                .sorted(Comparator.comparing(RuleInfo::severity).thenComparing(RuleInfo::id)).toList();
        Map<String, Map<String, Integer>> countsByRule = new HashMap<>();
        List<Finding> failing = new ArrayList<>();
        for (Finding f : report.findings()) {
            countsByRule.computeIfAbsent(f.ruleId(), k -> emptyCounts()).merge(f.status().name(), 1, Integer::sum);
            if (f.status() == Status.FAIL) {
                failing.add(f);
            }
        }
        failing.sort(Comparator.comparing(Finding::severity).thenComparing(Finding.ORDER));
        Map<String, String> t = Labels.forLanguage(report.metadata().lang());
        Map<String, Object> model = new HashMap<>();
        model.put("t", t);
        model.put("rulesInOrder", rules);
        model.put("countsByRule", countsByRule);
        model.put("failing", failing);
        model.put("maxDiffRows", MAX_DIFF_ROWS);
        model.put("data", new DataIsland(report, rules, t));
        Scorecard score = Scorecard.of(report, Scorecard.BUNDLED_CHECKLIST);
        model.put("score", score);
        model.put("printHeader", printHeader(report, t, score.overall().percent()));
        if (report.diff() != null) {
            model.put("scoreTrend", DiffRenderer.scoreLine(report.diff(), t));
        }
        Templates.write("report.html.ftlh", report, model, out);
    }

    /**
     * The print stylesheet's running header ("Tenken 123456789012 2026-11-01T09:00:00Z Compliance
     * score 31%"), a CSS string: quotes, backslashes, angle brackets and control characters (what
     * could end the string or the style element) are dropped.
     */
    static String printHeader(Report report, Map<String, String> t, int scorePercent) {
        String s = "Tenken " + report.metadata().accountId() + " " + (report.metadata().collectedAt() == null ? ""
                : report.metadata().collectedAt()) + " " + t.get("score") + " " + scorePercent + "%";
        return s.replaceAll("[\"'\\\\<>\\p{Cntrl}\u2028\u2029]", "");
    }

    private static Map<String, Integer> emptyCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            m.put(s.name(), 0);
        }
        return m;
    }
}
