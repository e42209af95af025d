package io.tenken.report;

import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.ReportMetadata;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;
import io.tenken.findings.Summary;
import io.tenken.findings.WaiverStatus;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A short Markdown summary for pull-request comments and {@code $GITHUB_STEP_SUMMARY}: counts,
 * the FAIL and ERROR findings (most severe first, at most {@value #MAX_ROWS} rows so a comment stays
 * under GitHub's size limits), waivers that need attention and the diff. Every value from the
 * account goes through {@link Escape#markdown}. Labels follow the report language.
 */
public final class MarkdownReportRenderer implements ReportRenderer {
    static final int MAX_ROWS = 100;
    static final int MAX_CELL = 300;

    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public String fileName() {
        return "report.md";
    }

    @Override
    public void write(Report report, java.io.OutputStream out) throws java.io.IOException {
        // At most 100 findings are listed: the page is small whatever the report's size.
        out.write(markdown(report));
        out.flush();
    }

    private static byte[] markdown(Report report) {
        Map<String, String> t = Labels.forLanguage(report.metadata().lang());
        ReportMetadata m = report.metadata();
        Summary s = report.summary();
        StringBuilder b = new StringBuilder(16 * 1024);
        b.append("## ").append(Escape.markdown(t.get("title"))).append("\n\n");
        b.append(Escape.markdown(t.get("account"))).append(": ").append(Escape.markdown(m.accountId()))
                .append(" · ").append(Escape.markdown(t.get("regions"))).append(": ")
                .append(Escape.markdown(String.join(", ", m.regions()))).append(" · ")
                .append(Escape.markdown(t.get("collectedAt"))).append(": ").append(Escape.markdown(m.collectedAt()))
                .append("\n\n");
        b.append('|');
        for (Status st : Status.values()) {
            b.append(' ').append(Escape.markdown(t.get("status." + st.name()))).append(" |");
        }
        b.append("\n|");
        b.append("---:|".repeat(Status.values().length)).append('\n').append('|');
        for (Status st : Status.values()) {
            b.append(' ').append(s.count(st)).append(" |");
        }
        b.append("\n\n");
        b.append("| ").append(Escape.markdown(t.get("severity"))).append(" | ")
                .append(Escape.markdown(t.get("status.FAIL"))).append(" |\n|---|---:|\n");
        for (Severity v : Severity.values()) {
            b.append("| ").append(Escape.markdown(t.get("severity." + v.name()))).append(" | ")
                    .append(s.bySeverity().get(v.name()).get(Status.FAIL.name())).append(" |\n");
        }
        b.append('\n');

        List<Finding> bad = report.findings().stream()
                .filter(f -> f.status() == Status.FAIL || f.status() == Status.ERROR)
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::status)
                        .thenComparing(Finding.ORDER))
                .toList();
        if (!bad.isEmpty()) {
            b.append("### ").append(Escape.markdown(t.get("md.failing"))).append("\n\n");
            b.append("| ").append(Escape.markdown(t.get("severity"))).append(" | ")
                    .append(Escape.markdown(t.get("status"))).append(" | ID | ")
                    .append(Escape.markdown(t.get("resource"))).append(" | ")
                    .append(Escape.markdown(t.get("observed"))).append(" |\n|---|---|---|---|---|\n");
            for (Finding f : bad.subList(0, Math.min(MAX_ROWS, bad.size()))) {
                b.append("| ").append(Escape.markdown(t.get("severity." + f.severity().name()))).append(" | ")
                        .append(Escape.markdown(t.get("status." + f.status().name()))).append(" | ")
                        .append(Escape.markdown(f.ruleId())).append(" | ")
                        .append(cell(f.resourceId() + where(f))).append(" | ")
                        .append(cell(report.text(f.observed()))).append(" |\n");
            }
            if (bad.size() > MAX_ROWS) {
                b.append('\n').append(Escape.markdown(t.get("md.more").replace("{0}",
                        Integer.toString(bad.size() - MAX_ROWS)))).append('\n');
            }
            b.append('\n');
        }

        List<WaiverStatus> attention = report.waivers().stream()
                .filter(w -> !WaiverStatus.ACTIVE.equals(w.state())).toList();
        if (m.waiversSha256() != null) {
            b.append("### ").append(Escape.markdown(t.get("waivers"))).append("\n\n");
            b.append(Escape.markdown(t.get("waivers.asOf"))).append(": ").append(Escape.markdown(m.asOf()))
                    .append(" · ").append(Escape.markdown(t.get("status.WAIVED"))).append(": ")
                    .append(s.count(Status.WAIVED)).append("\n\n");
            if (!attention.isEmpty()) {
                b.append("| # | ").append(Escape.markdown(t.get("waivers.state"))).append(" | ID | ")
                        .append(Escape.markdown(t.get("resource"))).append(" | ")
                        .append(Escape.markdown(t.get("waivers.expires"))).append(" |\n|---:|---|---|---|---|\n");
                for (WaiverStatus w : attention) {
                    b.append("| ").append(w.index()).append(" | ")
                            .append(Escape.markdown(t.get("waivers.state." + w.state()))).append(" | ")
                            .append(Escape.markdown(w.ruleId())).append(" | ").append(cell(w.resource()))
                            .append(" | ").append(Escape.markdown(w.expires())).append(" |\n");
                }
                b.append('\n');
            }
        }
        if (report.diff() != null) {
            b.append(DiffRenderer.markdownSection(report.diff(), t));
        }
        b.append("<sub>").append(Escape.markdown(Labels.format(t, "md.footer", m.toolVersion(), m.snapshotSha256())))
                .append("</sub>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** For template findings: the construct path and file:line that declare the resource. */
    static String where(Finding f) {
        io.tenken.findings.SourceLocation l = f.location();
        if (l == null) {
            return "";
        }
        return l.logicalId() == null ? "" : " (" + (l.cdkPath() == null ? "" : l.cdkPath() + ", ") + l.file() + ":" + l.line() + ")";
    }

    static String cell(String s) {
        if (s == null) {
            return "\\-";
        }
        String v = s.codePointCount(0, s.length()) > MAX_CELL
                ? s.substring(0, s.offsetByCodePoints(0, MAX_CELL)) + "…" : s;
        return Escape.markdown(v);
    }
}
