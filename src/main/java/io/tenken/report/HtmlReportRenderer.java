package io.tenken.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenken.Json;
import io.tenken.findings.AppliedWaiver;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.RuleInfo;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A single self-contained HTML page for people: summary, coverage, waivers, changes since the
 * baseline, rules with remediation, and every finding. Findings travel as a JSON data island
 * ({@code <script type="application/json">}, with {@code < > &} written as {@code \u003c} etc. so
 * no resource name can close the element) that a small inline script filters (status, severity,
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
    public byte[] render(Report report) {
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
        model.put("data", dataIsland(report, rules, t));
        model.put("score", Scorecard.of(report, Scorecard.BUNDLED_CHECKLIST));
        model.put("printHeader", printHeader(report));
        return Templates.render("report.html.ftlh", report, model);
    }

    /**
     * The print stylesheet's running header ("Tenken 123456789012 2026-11-01T09:00:00Z"), a CSS
     * string: only characters that cannot end the string or the style element are kept.
     */
    static String printHeader(Report report) {
        String s = "Tenken " + report.metadata().accountId() + " " + (report.metadata().collectedAt() == null ? ""
                : report.metadata().collectedAt());
        return s.replaceAll("[^A-Za-z0-9 :.\\-]", "");
    }

    private static Map<String, Integer> emptyCounts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            m.put(s.name(), 0);
        }
        return m;
    }

    /**
     * Compact JSON for the script: rules as [id, severity, service, title], findings as
     * [rule index, status, region, resource, observed, expected, waiver text or null].
     */
    static String dataIsland(Report report, List<RuleInfo> rules, Map<String, String> t) {
        JsonNodeFactory nf = JsonNodeFactory.instance;
        ObjectNode root = nf.objectNode();
        ObjectNode labels = root.putObject("labels");
        t.forEach((k, v) -> {
            if (k.startsWith("status.") || k.startsWith("severity.") || k.startsWith("filter.")
                    || k.equals("waivedBy") || k.equals("resource") || k.equals("observed") || k.equals("expected")
                    || k.equals("region") || k.equals("status") || k.equals("severity") || k.equals("rules")) {
                labels.put(k, v);
            }
        });
        ArrayNode statuses = root.putArray("statuses");
        for (Status s : Status.values()) {
            statuses.add(s.name());
        }
        ArrayNode severities = root.putArray("severities");
        for (Severity s : Severity.values()) {
            severities.add(s.name());
        }
        Map<String, Integer> index = new HashMap<>();
        ArrayNode rs = root.putArray("rules");
        TreeSet<String> services = new TreeSet<>();
        for (RuleInfo r : rules) {
            index.put(r.id(), index.size());
            ArrayNode a = rs.addArray();
            a.add(r.id()).add(r.severity().name()).add(r.service()).add(r.title());
        }
        ArrayNode fs = root.putArray("findings");
        for (Finding f : report.findings()) {
            Integer ri = index.get(f.ruleId());
            if (ri == null) {
                // A finding of a rule the catalog lacks: give it a row of its own.
                ri = index.size();
                index.put(f.ruleId(), ri);
                rs.addArray().add(f.ruleId()).add(f.severity().name()).add(f.service()).add(report.title(f));
            }
            services.add(f.service());
            ArrayNode a = fs.addArray();
            a.add(ri).add(f.status().ordinal()).add(f.region()).add(f.resourceId() + MarkdownReportRenderer.where(f)).add(report.text(f.observed())).add(report.text(f.expected()));
            AppliedWaiver w = f.waiver();
            if (w == null) {
                a.addNull();
            } else {
                a.add(w.reason() + " — " + w.approvedBy() + " — " + w.expires());
            }
        }
        ArrayNode sv = root.putArray("services");
        services.forEach(sv::add);
        try {
            String json = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
            // Inside <script> only "</script" or "<!--" could end or confuse the element; these
            // characters only occur inside JSON strings, where \\uXXXX means the same.
            return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
