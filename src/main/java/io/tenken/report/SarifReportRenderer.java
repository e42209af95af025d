package io.tenken.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenken.findings.AppliedWaiver;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.SourceLocation;
import io.tenken.findings.ReportMetadata;
import io.tenken.findings.RuleInfo;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;
import io.tenken.snapshot.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning dashboards (GitHub {@code upload-sarif}).
 * <ul>
 *   <li>{@code tool.driver.rules}: every rule of the pack, with title, rationale, remediation and
 *       {@code properties.security-severity} (CRITICAL 9.5, HIGH 8.0, MEDIUM 5.5, LOW 3.0, INFO 0.0).</li>
 *   <li>Results: FAIL → level {@code error} (CRITICAL, HIGH), {@code warning} (MEDIUM) or {@code note}
 *       (LOW, INFO); ERROR → level {@code note}, message "not evaluated" (the data could not be
 *       collected; a dashboard should see the gap); WAIVED → the FAIL's level with a SARIF
 *       {@code suppressions} entry (kind external, status accepted, the waiver as justification).
 *       PASS and N/A are not results.</li>
 *   <li>{@code partialFingerprints["tenkenFinding/v1"]} = sha256(ruleId NUL resourceId): stable across
 *       runs, so a dashboard tracks one finding month to month.</li>
 *   <li>Location: a logical location (the resource id, kind "resource") and a physical one whose
 *       URI is {@code aws/<account>/<region>/<service>/<percent-encoded resource id>}, because
 *       code-scanning uploads require one.</li>
 * </ul>
 * Streamed with Jackson's generator in a fixed order (one small tree per result): deterministic bytes,
 * every string escaped by Jackson, and memory that does not grow with the number of findings.
 */
public final class SarifReportRenderer implements ReportRenderer {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "tenkenFinding/v1";

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public String fileName() {
        return "report.sarif";
    }

    public static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    public static String fingerprint(String ruleId, String resourceId) {
        return Sha256.hex((ruleId + "\u0000" + resourceId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        ReportMetadata m = report.metadata();
        Map<String, String> t = Labels.forLanguage(m.lang());
        Map<String, Integer> ruleIndex = new HashMap<>();
        ObjectNode driver = driver(report, ruleIndex);
        try (JsonGenerator g = JsonStreams.pretty(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeFieldName("driver");
            g.writeTree(driver);
            g.writeEndObject();
            g.writeObjectFieldStart("automationDetails");
            g.writeStringField("id", "tenken/" + m.accountId() + "/");
            g.writeEndObject();
            g.writeStringField("columnKind", "unicodeCodePoints");
            g.writeArrayFieldStart("results");
            for (Finding f : report.findings()) {
                if (f.status() == Status.FAIL || f.status() == Status.ERROR || f.status() == Status.WAIVED) {
                    g.writeTree(result(report, t, f, m, ruleIndex));
                }
            }
            g.writeEndArray();
            g.writeObjectFieldStart("properties");
            g.writeStringField("accountId", m.accountId());
            g.writeStringField("partition", m.partition());
            JsonStreams.strings(g, "regions", m.regions());
            g.writeStringField("collectedAt", m.collectedAt());
            g.writeStringField("callerArn", m.callerArn());
            g.writeStringField("rulePackVersion", m.rulePackVersion());
            g.writeStringField("rulePackSha256", m.rulePackSha256());
            g.writeStringField("snapshotSha256", m.snapshotSha256());
            g.writeStringField("policySha256", m.policySha256());
            g.writeStringField("waiversSha256", m.waiversSha256());
            g.writeStringField("asOf", m.asOf());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** The rule catalog (tens of rules: a tree is fine); fills {@code ruleIndex}. */
    private static ObjectNode driver(Report report, Map<String, Integer> ruleIndex) {
        ObjectNode driver = JsonNodeFactory.instance.objectNode();
        driver.put("name", "Tenken");
        driver.put("version", report.metadata().toolVersion());
        ArrayNode rules = driver.putArray("rules");
        for (RuleInfo r : report.rules()) {
            ruleIndex.put(r.id(), ruleIndex.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", r.id());
            rule.put("name", r.id());
            rule.putObject("shortDescription").put("text", nonEmpty(r.title(), r.id()));
            rule.putObject("fullDescription").put("text", nonEmpty(r.rationale(), nonEmpty(r.title(), r.id())));
            rule.putObject("help").put("text", nonEmpty(r.remediation(), nonEmpty(r.title(), r.id())));
            rule.putObject("defaultConfiguration").put("level", level(r.severity()));
            ObjectNode props = rule.putObject("properties");
            props.put("security-severity", securitySeverity(r.severity()));
            props.put("severity", r.severity().name());
            props.put("service", r.service());
            ArrayNode tags = props.putArray("tags");
            tags.add("security");
            tags.add(r.service());
            r.concepts().forEach(tags::add);
            if (r.references() != null && !r.references().isEmpty()) {
                ArrayNode refs = props.putArray("references");
                r.references().forEach(refs::add);
            }
        }
        return driver;
    }

    /** One result: a small tree, written and dropped before the next. */
    private static ObjectNode result(Report report, Map<String, String> t, Finding f, ReportMetadata m,
                                      Map<String, Integer> ruleIndex) {
        ObjectNode res = JsonNodeFactory.instance.objectNode();
        res.put("ruleId", f.ruleId());
        Integer idx = ruleIndex.get(f.ruleId());
        if (idx != null) {
            res.put("ruleIndex", idx);
        }
        boolean error = f.status() == Status.ERROR;
        res.put("level", error ? "note" : level(f.severity()));
        String msg = Labels.format(t, "sarif.message", report.title(f), f.resourceId(), f.region(),
                report.text(f.observed()), report.text(f.expected()));
        if (error) {
            msg = Labels.format(t, "sarif.notEvaluated", msg);
        }
        res.putObject("message").put("text", msg);
        ObjectNode loc = res.putArray("locations").addObject();
        SourceLocation where = f.location();
        if (where != null) {
            // Template findings: the file and line of the resource, so code scanning annotates it.
            ObjectNode physical = loc.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", where.file());
            physical.putObject("region").put("startLine", where.line());
        } else {
            loc.putObject("physicalLocation").putObject("artifactLocation")
                    .put("uri", "aws/" + encode(m.accountId()) + "/" + encode(f.region()) + "/"
                            + encode(f.service()) + "/" + encode(f.resourceId()));
        }
        ObjectNode logical = loc.putArray("logicalLocations").addObject();
        logical.put("fullyQualifiedName", where != null && where.cdkPath() != null ? where.cdkPath() : f.resourceId());
        logical.put("kind", "resource");
        res.putObject("partialFingerprints").put(FINGERPRINT, fingerprint(f.ruleId(), f.resourceId()));
        if (f.status() == Status.WAIVED && f.waiver() != null) {
            AppliedWaiver w = f.waiver();
            ObjectNode sup = res.putArray("suppressions").addObject();
            sup.put("kind", "external");
            sup.put("status", "accepted");
            sup.put("justification", Labels.format(t, "sarif.justification", w.reason(), w.approvedBy(), w.expires()));
        }
        ObjectNode props = res.putObject("properties");
        props.put("status", f.status().name());
        props.put("severity", f.severity().name());
        props.put("region", f.region());
        props.put("resourceId", f.resourceId());
        props.put("observed", report.text(f.observed()));
        props.put("expected", report.text(f.expected()));
        if (where != null) {
            props.put("stack", where.stack());
            if (where.logicalId() != null) {
                props.put("logicalId", where.logicalId());
            }
            props.put("cdkPath", where.cdkPath());
            where.defaults().forEach(props.withArray("defaults")::add);
        }
        return res;
    }


    private static String nonEmpty(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters (UTF-8). */
    static String encode(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (byte by : s.getBytes(StandardCharsets.UTF_8)) {
            int c = by & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
