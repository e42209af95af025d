package io.tenken.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tenken.Json;
import io.tenken.findings.DiffEntry;
import io.tenken.findings.ReportDiff;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The output of {@code tenken diff} (JSON, Markdown), and the diff section of the Markdown report. */
public final class DiffRenderer {
    static final int MAX_ROWS = 100;

    private DiffRenderer() {
    }

    /** Same shape as the JSON report's {@code diff} section; keys sorted, so bytes are stable. */
    public static byte[] json(ReportDiff diff) {
        try {
            return Json.MAPPER.writeValueAsBytes(diff);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "Score 40% (25 of 62 concepts) now, 31% (7 of 22) at the baseline: +9 points". */
    public static String scoreLine(ReportDiff d, Map<String, String> t) {
        int change = d.score().percent() - d.baselineScore().percent();
        return Labels.format(t, "diff.score", d.score().percent(), d.score().compliant(), d.score().judged(),
                d.baselineScore().percent(), d.baselineScore().compliant(), d.baselineScore().judged(),
                Labels.format(t, change > 0 ? "diff.scoreUp" : change < 0 ? "diff.scoreDown" : "diff.scoreSame",
                        Math.abs(change)));
    }

    public static byte[] markdown(ReportDiff diff, Map<String, String> t) {
        return markdownSection(diff, t).getBytes(StandardCharsets.UTF_8);
    }

    static String markdownSection(ReportDiff d, Map<String, String> t) {
        StringBuilder b = new StringBuilder();
        b.append("### ").append(Escape.markdown(t.get("diff"))).append("\n\n");
        b.append(Escape.markdown(scoreLine(d, t))).append("\n\n");
        Map<String, List<DiffEntry>> cats = new LinkedHashMap<>();
        cats.put("diff.newFailures", d.newFailures());
        cats.put("diff.resolved", d.resolved());
        cats.put("diff.stillFailing", d.stillFailing());
        cats.put("diff.newlyWaived", d.newlyWaived());
        cats.put("diff.notEvaluated", d.notEvaluated());
        b.append('|');
        cats.keySet().forEach(k -> b.append(' ').append(Escape.markdown(t.get(k))).append(" |"));
        b.append("\n|").append("---:|".repeat(cats.size())).append("\n|");
        cats.values().forEach(l -> b.append(' ').append(l.size()).append(" |"));
        b.append("\n\n");
        for (String k : List.of("diff.newFailures", "diff.resolved", "diff.newlyWaived", "diff.notEvaluated")) {
            List<DiffEntry> l = cats.get(k);
            if (l.isEmpty()) {
                continue;
            }
            b.append("**").append(Escape.markdown(t.get(k))).append("**\n\n");
            b.append("| ").append(Escape.markdown(t.get("severity"))).append(" | ID | ")
                    .append(Escape.markdown(t.get("resource"))).append(" | ")
                    .append(Escape.markdown(t.get("diff.previous"))).append(" | ")
                    .append(Escape.markdown(t.get("status"))).append(" |\n|---|---|---|---|---|\n");
            for (DiffEntry e : l.subList(0, Math.min(MAX_ROWS, l.size()))) {
                b.append("| ").append(Escape.markdown(t.get("severity." + e.severity().name()))).append(" | ")
                        .append(Escape.markdown(e.ruleId())).append(" | ")
                        .append(MarkdownReportRenderer.cell(e.resourceId())).append(" | ")
                        .append(status(e.previousStatus() == null ? null : e.previousStatus().name(), t)).append(" | ")
                        .append(status(e.status() == null ? null : e.status().name(), t)).append(" |\n");
            }
            if (l.size() > MAX_ROWS) {
                b.append('\n').append(Escape.markdown(t.get("md.more").replace("{0}",
                        Integer.toString(l.size() - MAX_ROWS)))).append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String status(String s, Map<String, String> t) {
        return s == null ? "\\-" : Escape.markdown(t.get("status." + s));
    }
}
