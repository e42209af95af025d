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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS Security Finding Format (ASFF 2018-10-08) for {@code aws securityhub batch-import-findings
 * --findings file://report.asff.json} (at most 100 findings a call: split larger files). Every
 * field the Security Hub documentation lists as required is present: SchemaVersion, Id,
 * ProductArn, GeneratorId, AwsAccountId, Types, CreatedAt, UpdatedAt, Severity, Title,
 * Description, Resources (Type, Id). Writing it needs no AWS call: the scan stays read-only.
 * <ul>
 *   <li>ProductArn is the account's own default product in the finding's region
 *       ({@code arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default}); global
 *       resources go to the first scanned region. Import each region's findings there.</li>
 *   <li>Compliance.Status: PASS PASSED, FAIL FAILED, WAIVED FAILED with Workflow SUPPRESSED,
 *       ERROR and NOT_APPLICABLE NOT_AVAILABLE (ProductFields tenken/status tells which).</li>
 *   <li>Id = tenken/ACCOUNT/sha256(rule id NUL resource id): a re-import updates the same finding.</li>
 *   <li>CreatedAt/UpdatedAt are the snapshot's collection time; lengths are cut to the
 *       documented maxima (Title 256, Description 1024, Recommendation text 512).</li>
 * </ul>
 */
public final class AsffReportRenderer implements ReportRenderer {
    static final String SCHEMA_VERSION = "2018-10-08";
    static final int TITLE_MAX = 256;
    static final int DESCRIPTION_MAX = 1024;
    static final int RECOMMENDATION_MAX = 512;
    static final String TYPE = "Software and Configuration Checks/Industry and Regulatory Standards/Tenken production checklist";
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public String format() {
        return "asff";
    }

    @Override
    public String fileName() {
        return "report.asff.json";
    }

    static String severityLabel(Severity s) {
        return s == Severity.INFO ? "INFORMATIONAL" : s.name();
    }

    static String complianceStatus(Status s) {
        return switch (s) {
            case PASS -> "PASSED";
            case FAIL, WAIVED -> "FAILED";
            case ERROR, NOT_APPLICABLE -> "NOT_AVAILABLE";
        };
    }

    /** Open work for FAIL and ERROR; SUPPRESSED for a waiver; RESOLVED where nothing is to do. */
    static String workflow(Status s) {
        return switch (s) {
            case FAIL, ERROR -> "NEW";
            case WAIVED -> "SUPPRESSED";
            case PASS, NOT_APPLICABLE -> "RESOLVED";
        };
    }

    /** ASFF resource types for the ARNs Tenken reports; "Other" for the rest, as ASFF allows. */
    static String resourceType(String arn) {
        if (arn == null) {
            return "Other";
        }
        String[] p = arn.split(":", 6);
        if (p.length < 6 || !"arn".equals(p[0])) {
            return "AwsAccount".equals(arn) ? "AwsAccount" : "Other";
        }
        String service = p[2];
        String resource = p[5];
        return switch (service) {
            case "s3" -> p[4].isEmpty() && !resource.contains("/") ? "AwsS3Bucket" : "Other";
            case "kms" -> resource.startsWith("key/") ? "AwsKmsKey" : "Other";
            case "cloudtrail" -> resource.startsWith("trail/") ? "AwsCloudTrailTrail" : "Other";
            case "iam" -> resource.startsWith("role/") ? "AwsIamRole" : resource.startsWith("user/") ? "AwsIamUser"
                    : resource.startsWith("policy/") ? "AwsIamPolicy" : resource.equals("root") ? "AwsAccount" : "Other";
            case "wafv2" -> resource.contains("/webacl/") ? "AwsWafv2WebAcl" : "Other";
            case "cloudfront" -> resource.startsWith("distribution/") ? "AwsCloudFrontDistribution" : "Other";
            default -> "Other";
        };
    }

    @Override
    public void write(Report report, java.io.OutputStream out) throws IOException {
        ReportMetadata m = report.metadata();
        Map<String, RuleInfo> rules = new HashMap<>();
        report.rules().forEach(r -> rules.put(r.id(), r));
        List<String> regions = m.regions() == null ? List.of() : m.regions().stream().sorted().toList();
        String fallbackRegion = regions.isEmpty() ? "us-east-1" : regions.get(0);
        Map<String, String> t = Labels.forLanguage(m.lang());
        // The caller owns the stream: the generator flushes it but does not close it.
        try (JsonGenerator g = FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.setCharacterEscapes(JsonEscapes.INSTANCE);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Finding f : report.findings()) {
                write(g, report, f, rules.get(f.ruleId()), m, fallbackRegion, t);
            }
            g.writeEndArray();
            g.flush();
        }
    }

    private static void write(JsonGenerator g, Report report, Finding f, RuleInfo rule, ReportMetadata m, String fallbackRegion,
                              Map<String, String> t) throws IOException {
        String partition = m.partition() == null ? "aws" : m.partition();
        String region = f.region() != null && f.region().matches("[a-z]{2}(-[a-z]+)+-\\d+") ? f.region() : fallbackRegion;
        String account = m.accountId();
        String time = m.collectedAt() != null ? m.collectedAt() : "1970-01-01T00:00:00Z";
        g.writeStartObject();
        g.writeStringField("SchemaVersion", SCHEMA_VERSION);
        g.writeStringField("Id", "tenken/" + account + "/" + SarifReportRenderer.fingerprint(f.ruleId(), f.resourceId()));
        g.writeStringField("ProductArn", "arn:" + partition + ":securityhub:" + region + ":" + account + ":product/"
                + account + "/default");
        g.writeStringField("ProductName", "Tenken");
        g.writeStringField("CompanyName", "Tenken");
        g.writeStringField("GeneratorId", "tenken/" + f.ruleId());
        g.writeStringField("AwsAccountId", account);
        g.writeStringField("Region", region);
        g.writeArrayFieldStart("Types");
        g.writeString(TYPE);
        g.writeEndArray();
        g.writeStringField("CreatedAt", time);
        g.writeStringField("UpdatedAt", time);
        g.writeObjectFieldStart("Severity");
        g.writeStringField("Label", severityLabel(f.severity()));
        g.writeStringField("Original", f.severity().name());
        g.writeEndObject();
        g.writeStringField("Title", cut(f.ruleId() + " " + report.title(f), TITLE_MAX));
        g.writeStringField("Description", cut(Labels.format(t, "interop.description", OcsfReportRenderer.detail(report, f, t), f.resourceId()),
                DESCRIPTION_MAX));
        if (rule != null && rule.remediation() != null && !rule.remediation().isBlank()) {
            g.writeObjectFieldStart("Remediation");
            g.writeObjectFieldStart("Recommendation");
            g.writeStringField("Text", cut(rule.remediation(), RECOMMENDATION_MAX));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeObjectFieldStart("ProductFields");
        g.writeStringField("tenken/ruleId", f.ruleId());
        g.writeStringField("tenken/status", f.status().name());
        g.writeStringField("tenken/service", f.service());
        g.writeStringField("tenken/toolVersion", m.toolVersion());
        if (f.waiver() != null) {
            g.writeStringField("tenken/waiverReason", cut(f.waiver().reason(), 2048));
            g.writeStringField("tenken/waiverApprovedBy", cut(f.waiver().approvedBy(), 2048));
            g.writeStringField("tenken/waiverExpires", f.waiver().expires());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("Resources");
        g.writeStartObject();
        g.writeStringField("Type", resourceType(f.resourceId()));
        g.writeStringField("Id", f.resourceId());
        g.writeStringField("Partition", partition);
        g.writeStringField("Region", region);
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("Compliance");
        g.writeStringField("Status", complianceStatus(f.status()));
        g.writeArrayFieldStart("RelatedRequirements");
        for (String c : f.concepts()) {
            g.writeString(cut("Tenken checklist " + c, 256));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("Workflow");
        g.writeStringField("Status", workflow(f.status()));
        g.writeEndObject();
        g.writeStringField("RecordState", "ACTIVE");
        g.writeEndObject();
    }

    /** At most {@code max} characters (code points kept whole). */
    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        int end = s.offsetByCodePoints(0, max - 1);
        return s.substring(0, end) + "…";
    }
}
