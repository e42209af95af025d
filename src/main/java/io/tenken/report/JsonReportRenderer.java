package io.tenken.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tenken.findings.AppliedWaiver;
import io.tenken.findings.DiffEntry;
import io.tenken.findings.Finding;
import io.tenken.findings.Message;
import io.tenken.findings.Report;
import io.tenken.findings.ReportDiff;
import io.tenken.findings.ReportMetadata;
import io.tenken.findings.RuleInfo;
import io.tenken.findings.ServiceCoverage;
import io.tenken.findings.SourceLocation;
import io.tenken.findings.Summary;
import io.tenken.findings.WaiverStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report (contract: reports/report.schema.json), streamed with Jackson's
 * generator in a fixed key order: a million findings never become one string, every string is
 * escaped by Jackson, and the same report gives the same bytes. Nulls are written explicitly
 * (the schema requires every key).
 */
public final class JsonReportRenderer implements ReportRenderer {
    @Override
    public String format() {
        return "json";
    }

    @Override
    public String fileName() {
        return "report.json";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        try (JsonGenerator g = JsonStreams.pretty(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", report.schemaVersion());
            metadata(g, report.metadata());
            summary(g, report.summary());
            g.writeArrayFieldStart("coverage");
            for (ServiceCoverage c : report.coverage()) {
                g.writeStartObject();
                g.writeStringField("service", c.service());
                g.writeStringField("status", c.status());
                JsonStreams.strings(g, "regions", c.regions());
                g.writeNumberField("apiCalls", c.apiCalls());
                g.writeNumberField("elapsedMs", c.elapsedMs());
                g.writeNumberField("errors", c.errors());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rules");
            for (RuleInfo r : report.rules()) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("severity", r.severity().name());
                g.writeStringField("service", r.service());
                JsonStreams.strings(g, "concepts", r.concepts());
                JsonStreams.strings(g, "references", r.references());
                g.writeStringField("title", r.title());
                g.writeStringField("rationale", r.rationale());
                g.writeStringField("remediation", r.remediation());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (Finding f : report.findings()) {
                finding(g, report, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("waivers");
            for (WaiverStatus w : report.waivers()) {
                g.writeStartObject();
                g.writeNumberField("index", w.index());
                g.writeStringField("ruleId", w.ruleId());
                g.writeStringField("resource", w.resource());
                g.writeStringField("reason", w.reason());
                g.writeStringField("approvedBy", w.approvedBy());
                g.writeStringField("expires", w.expires());
                g.writeStringField("state", w.state());
                g.writeNumberField("matched", w.matched());
                g.writeEndObject();
            }
            g.writeEndArray();
            diff(g, report.diff());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void metadata(JsonGenerator g, ReportMetadata m) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeStringField("toolVersion", m.toolVersion());
        g.writeStringField("rulePackSha256", m.rulePackSha256());
        g.writeStringField("snapshotSha256", m.snapshotSha256());
        g.writeStringField("policySha256", m.policySha256());
        g.writeStringField("accountId", m.accountId());
        g.writeStringField("partition", m.partition());
        JsonStreams.strings(g, "regions", m.regions());
        g.writeStringField("collectedAt", m.collectedAt());
        g.writeStringField("callerArn", m.callerArn());
        g.writeStringField("snapshotToolVersion", m.snapshotToolVersion());
        g.writeStringField("lang", m.lang());
        g.writeStringField("rulePackVersion", m.rulePackVersion());
        g.writeStringField("waiversSha256", m.waiversSha256());
        g.writeStringField("asOf", m.asOf());
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, Summary s) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("total", s.total());
        counts(g, "byStatus", s.byStatus());
        nestedCounts(g, "bySeverity", s.bySeverity());
        nestedCounts(g, "byService", s.byService());
        g.writeEndObject();
    }

    private static void nestedCounts(JsonGenerator g, String field, Map<String, Map<String, Integer>> m)
            throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Map<String, Integer>> e : m.entrySet()) {
            counts(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, String field, Map<String, Integer> m) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** Hot path (a million findings): every field is non-null by construction. */
    private static void finding(JsonGenerator g, Report report, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("status", f.status().name());
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("service", f.service());
        JsonStreams.strings(g, "concepts", f.concepts());
        g.writeStringField("region", f.region());
        g.writeStringField("resourceId", f.resourceId());
        g.writeStringField("title", report.title(f));
        g.writeStringField("observed", report.text(f.observed()));
        g.writeStringField("expected", report.text(f.expected()));
        g.writeFieldName("observedMessage");
        message(g, f.observed());
        g.writeFieldName("expectedMessage");
        message(g, f.expected());
        AppliedWaiver w = f.waiver();
        if (w != null) {
            g.writeObjectFieldStart("waiver");
            g.writeNumberField("index", w.index());
            g.writeStringField("resource", w.resource());
            g.writeStringField("reason", w.reason());
            g.writeStringField("approvedBy", w.approvedBy());
            g.writeStringField("expires", w.expires());
            g.writeEndObject();
        }
        SourceLocation l = f.location();
        if (l != null) {
            g.writeObjectFieldStart("location");
            g.writeStringField("file", l.file());
            g.writeNumberField("line", l.line());
            g.writeStringField("stack", l.stack());
            g.writeStringField("logicalId", l.logicalId());
            g.writeStringField("cdkPath", l.cdkPath());
            JsonStreams.strings(g, "defaults", l.defaults());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Evidence as {"key": ..., "args": [text or message, ...]}, so machines can re-render it. */
    private static void message(JsonGenerator g, Message m) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", m.key());
        g.writeArrayFieldStart("args");
        for (Object a : m.args()) {
            if (a instanceof Message inner) {
                message(g, inner);
            } else {
                g.writeString((String) a);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void diff(JsonGenerator g, ReportDiff d) throws IOException {
        if (d == null) {
            g.writeNullField("diff");
            return;
        }
        g.writeObjectFieldStart("diff");
        g.writeStringField("baselineSha256", d.baselineSha256());
        g.writeStringField("baselineSnapshotSha256", d.baselineSnapshotSha256());
        g.writeStringField("baselineCollectedAt", d.baselineCollectedAt());
        entries(g, "newFailures", d.newFailures());
        entries(g, "resolved", d.resolved());
        entries(g, "stillFailing", d.stillFailing());
        entries(g, "newlyWaived", d.newlyWaived());
        entries(g, "notEvaluated", d.notEvaluated());
        score(g, "score", d.score());
        score(g, "baselineScore", d.baselineScore());
        g.writeEndObject();
    }

    /** Compliance over concepts, with the figures a reader wants without recomputing them. */
    private static void score(JsonGenerator g, String field, io.tenken.findings.ConceptScore s) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("compliant", s.compliant());
        g.writeNumberField("failing", s.failing());
        g.writeNumberField("unknown", s.unknown());
        g.writeNumberField("waived", s.waived());
        g.writeNumberField("judged", s.judged());
        g.writeNumberField("percent", s.percent());
        g.writeEndObject();
    }

    private static void entries(JsonGenerator g, String field, List<DiffEntry> entries) throws IOException {
        g.writeArrayFieldStart(field);
        for (DiffEntry e : entries) {
            g.writeStartObject();
            g.writeStringField("ruleId", e.ruleId());
            g.writeStringField("resourceId", e.resourceId());
            g.writeStringField("region", e.region());
            g.writeStringField("severity", e.severity() == null ? null : e.severity().name());
            g.writeStringField("title", e.title());
            g.writeStringField("previousStatus", e.previousStatus() == null ? null : e.previousStatus().name());
            g.writeStringField("status", e.status() == null ? null : e.status().name());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
