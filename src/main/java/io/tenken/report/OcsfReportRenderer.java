package io.tenken.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.ReportMetadata;
import io.tenken.findings.RuleInfo;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * OCSF 1.5.0 Compliance Finding events (class 2003, profiles cloud and datetime), one per
 * finding, as a JSON array: the shape Prowler's {@code json-ocsf} output has (a JSON array;
 * {@code metadata.event_code} the check id; {@code status_code} the check's own status; cloud
 * account, partition and region; one resource with its service as group; the event status
 * Suppressed for a waived finding), in the class OCSF defines for checklist results.
 * <ul>
 *   <li>{@code compliance.status_id}: PASS 1 Pass, FAIL and WAIVED 3 Fail, ERROR 0 Unknown (not
 *       evaluated: never read as a pass), NOT_APPLICABLE 99 Other.</li>
 *   <li>Times are the snapshot's collection time: the same inputs give the same bytes.</li>
 *   <li>{@code finding_info.uid} = tenken-sha256(rule id NUL resource id), stable month to month.</li>
 * </ul>
 * Validated in the tests against the OCSF JSON Schema of the class (see src/test/resources/ocsf).
 */
public final class OcsfReportRenderer implements ReportRenderer {
    static final String OCSF_VERSION = "1.5.0";
    static final int CLASS_UID = 2003;
    static final int CATEGORY_UID = 2;
    static final int ACTIVITY_CREATE = 1;
    static final int AWS_ACCOUNT_TYPE_ID = 10;
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public String format() {
        return "ocsf";
    }

    @Override
    public String fileName() {
        return "report.ocsf.json";
    }

    static int severityId(Severity s) {
        return switch (s) {
            case INFO -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    static String severityName(Severity s) {
        return switch (s) {
            case INFO -> "Informational";
            case LOW -> "Low";
            case MEDIUM -> "Medium";
            case HIGH -> "High";
            case CRITICAL -> "Critical";
        };
    }

    static int complianceStatusId(Status s) {
        return switch (s) {
            case PASS -> 1;
            case FAIL, WAIVED -> 3;
            case ERROR -> 0;
            case NOT_APPLICABLE -> 99;
        };
    }

    static String complianceStatus(Status s) {
        return switch (s) {
            case PASS -> "Pass";
            case FAIL, WAIVED -> "Fail";
            case ERROR -> "Unknown";
            case NOT_APPLICABLE -> "Not Applicable";
        };
    }

    @Override
    public void write(Report report, java.io.OutputStream out) throws IOException {
        ReportMetadata m = report.metadata();
        Map<String, RuleInfo> rules = new HashMap<>();
        report.rules().forEach(r -> rules.put(r.id(), r));
        Map<String, String> t = Labels.forLanguage(m.lang());
        long time = epochMillis(m.collectedAt());
        // The caller owns the stream: the generator flushes it but does not close it.
        try (JsonGenerator g = FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.setCharacterEscapes(JsonEscapes.INSTANCE);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Finding f : report.findings()) {
                write(g, report, f, rules.get(f.ruleId()), m, time, t);
            }
            g.writeEndArray();
            g.flush();
        }
    }

    private static void write(JsonGenerator g, Report report, Finding f, RuleInfo rule, ReportMetadata m, long time,
                              Map<String, String> t) throws IOException {
        boolean waived = f.status() == Status.WAIVED;
        String detail = detail(report, f, t);
        g.writeStartObject();
        g.writeStringField("message", report.title(f) + ": " + f.resourceId());
        g.writeNumberField("activity_id", ACTIVITY_CREATE);
        g.writeStringField("activity_name", "Create");
        g.writeNumberField("category_uid", CATEGORY_UID);
        g.writeStringField("category_name", "Findings");
        g.writeNumberField("class_uid", CLASS_UID);
        g.writeStringField("class_name", "Compliance Finding");
        g.writeNumberField("type_uid", CLASS_UID * 100L + ACTIVITY_CREATE);
        g.writeStringField("type_name", "Compliance Finding: Create");
        g.writeNumberField("severity_id", severityId(f.severity()));
        g.writeStringField("severity", severityName(f.severity()));
        g.writeNumberField("status_id", waived ? 3 : 1);
        g.writeStringField("status", waived ? "Suppressed" : "New");
        g.writeStringField("status_code", f.status().name());
        g.writeStringField("status_detail", detail);
        g.writeNumberField("time", time);
        if (m.collectedAt() != null) {
            g.writeStringField("time_dt", m.collectedAt());
        }

        g.writeObjectFieldStart("finding_info");
        g.writeStringField("uid", "tenken-" + SarifReportRenderer.fingerprint(f.ruleId(), f.resourceId()));
        g.writeStringField("title", report.title(f));
        if (rule != null && rule.rationale() != null && !rule.rationale().isBlank()) {
            g.writeStringField("desc", rule.rationale());
        }
        g.writeArrayFieldStart("types");
        g.writeString("Tenken/" + f.service());
        g.writeEndArray();
        g.writeNumberField("created_time", time);
        if (m.collectedAt() != null) {
            g.writeStringField("created_time_dt", m.collectedAt());
        }
        g.writeEndObject();

        g.writeObjectFieldStart("compliance");
        g.writeStringField("control", f.ruleId());
        g.writeArrayFieldStart("standards");
        g.writeString("Tenken production checklist");
        g.writeEndArray();
        g.writeArrayFieldStart("requirements");
        for (String c : f.concepts()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeNumberField("status_id", complianceStatusId(f.status()));
        g.writeStringField("status", complianceStatus(f.status()));
        g.writeStringField("status_code", f.status().name());
        g.writeStringField("status_detail", detail);
        g.writeEndObject();

        if (rule != null && rule.remediation() != null && !rule.remediation().isBlank()) {
            g.writeObjectFieldStart("remediation");
            g.writeStringField("desc", rule.remediation());
            g.writeEndObject();
        }

        g.writeArrayFieldStart("resources");
        g.writeStartObject();
        g.writeStringField("uid", f.resourceId());
        g.writeStringField("type", f.service());
        g.writeObjectFieldStart("group");
        g.writeStringField("name", f.service());
        g.writeEndObject();
        g.writeStringField("region", f.region());
        if (m.partition() != null) {
            g.writeStringField("cloud_partition", m.partition());
        }
        g.writeEndObject();
        g.writeEndArray();

        g.writeObjectFieldStart("cloud");
        g.writeStringField("provider", "AWS");
        g.writeStringField("region", f.region());
        if (m.partition() != null) {
            g.writeStringField("cloud_partition", m.partition());
        }
        g.writeObjectFieldStart("account");
        g.writeStringField("uid", m.accountId());
        g.writeNumberField("type_id", AWS_ACCOUNT_TYPE_ID);
        g.writeStringField("type", "AWS Account");
        g.writeEndObject();
        g.writeEndObject();

        g.writeObjectFieldStart("metadata");
        g.writeStringField("event_code", f.ruleId());
        g.writeObjectFieldStart("product");
        g.writeStringField("uid", "tenken");
        g.writeStringField("name", "Tenken");
        g.writeStringField("vendor_name", "Tenken");
        g.writeStringField("version", m.toolVersion());
        g.writeEndObject();
        g.writeArrayFieldStart("profiles");
        g.writeString("cloud");
        g.writeString("datetime");
        g.writeEndArray();
        g.writeStringField("version", OCSF_VERSION);
        g.writeEndObject();

        if (waived && f.waiver() != null) {
            g.writeObjectFieldStart("unmapped");
            g.writeObjectFieldStart("waiver");
            g.writeStringField("reason", f.waiver().reason());
            g.writeStringField("approved_by", f.waiver().approvedBy());
            g.writeStringField("expires", f.waiver().expires());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /**
     * What was observed against what was expected, in the report's language; for ERROR, that it
     * could not be evaluated. (Enumerated captions such as {@code severity} stay as the schemas name them.)
     */
    static String detail(Report report, Finding f, Map<String, String> t) {
        String evidence = Labels.format(t, "interop.evidence", f.observed() == null ? "-" : report.text(f.observed()),
                f.expected() == null ? "-" : report.text(f.expected()));
        return f.status() == Status.ERROR ? Labels.format(t, "interop.notEvaluated", evidence) : evidence;
    }

    /** The snapshot's ISO-8601 collection time in epoch milliseconds (OCSF timestamp_t); 0 if absent. */
    static long epochMillis(String iso) {
        if (iso == null || iso.isBlank()) {
            return 0;
        }
        try {
            return Instant.parse(iso).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return 0;
        }
    }
}
