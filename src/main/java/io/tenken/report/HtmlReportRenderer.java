package io.tenken.report;

import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.RuleInfo;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A single self-contained HTML page for people: summary, coverage, every finding, remediation. */
public final class HtmlReportRenderer implements ReportRenderer {
    @Override
    public String format() {
        return "html";
    }

    @Override
    public String fileName() {
        return "report.html";
    }

    @Override
    public byte[] render(Report report) {
        // Most severe rules first; within a rule, findings keep the report's stable order.
        List<RuleInfo> rules = report.rules().stream()
                .sorted(Comparator.comparing(RuleInfo::severity).thenComparing(RuleInfo::id)).toList();
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            byRule.computeIfAbsent(f.ruleId(), k -> new java.util.ArrayList<>()).add(f);
        }
        return Templates.render("report.html.ftlh", report, Map.of(
                "t", Labels.forLanguage(report.metadata().lang()),
                "rulesInOrder", rules,
                "byRule", byRule));
    }
}
