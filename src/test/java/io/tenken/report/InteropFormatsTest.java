package io.tenken.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tenken.Json;
import io.tenken.TestSnapshots;
import io.tenken.cli.CliRun;
import io.tenken.findings.Report;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCSF (validated against the OCSF 1.5.0 Compliance Finding JSON Schema, bundled) and ASFF
 * (against the attributes the Security Hub guide documents as required): valid, complete,
 * deterministic, and hostile account text escaped yet intact.
 */
class InteropFormatsTest {
    static JsonSchema schema(String resource) throws Exception {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = InteropFormatsTest.class.getResourceAsStream(resource)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    @Test
    void ocsfEventsValidateAgainstTheOcsfSchema() throws Exception {
        Report report = FormatsTest.sample();
        byte[] bytes = new OcsfReportRenderer().render(report);
        assertArrayEquals(bytes, new OcsfReportRenderer().render(report), "deterministic");
        JsonNode events = Json.MAPPER.readTree(bytes);
        assertEquals(report.findings().size(), events.size(), "one event per finding, PASS included");
        JsonSchema ocsf = schema("/ocsf/compliance_finding-1.5.0-cloud-datetime.schema.json");
        Map<String, Integer> byStatus = new HashMap<>();
        for (JsonNode e : events) {
            Set<ValidationMessage> errors = ocsf.validate(e);
            assertTrue(errors.isEmpty(), "OCSF: " + errors + "\n" + e);
            assertEquals(2003, e.get("class_uid").asInt());
            assertEquals(200301, e.get("type_uid").asInt());
            byStatus.merge(e.get("status_code").asText() + "/" + e.at("/compliance/status_id").asInt(), 1, Integer::sum);
            assertEquals("123456789012", e.at("/cloud/account/uid").asText());
            assertEquals(e.at("/compliance/control").asText(), e.at("/metadata/event_code").asText());
        }
        assertEquals(Map.of("FAIL/3", 3, "WAIVED/3", 1, "PASS/1", 1, "ERROR/0", 1, "NOT_APPLICABLE/99", 1), byStatus);
        JsonNode waived = find(events, "/status_code", "WAIVED");
        assertEquals("Suppressed", waived.get("status").asText());
        assertTrue(waived.at("/unmapped/waiver/approved_by").asText().contains("sec@example.com"));
        assertHostileTextEscapedButIntact(bytes, events, "/resources/0/uid");
    }

    @Test
    void asffHasEveryDocumentedRequiredField() throws Exception {
        Report report = FormatsTest.sample();
        byte[] bytes = new AsffReportRenderer().render(report);
        assertArrayEquals(bytes, new AsffReportRenderer().render(report), "deterministic");
        JsonNode findings = Json.MAPPER.readTree(bytes);
        Set<ValidationMessage> errors = schema("/asff/asff-required.schema.json").validate(findings);
        assertTrue(errors.isEmpty(), "ASFF: " + errors);
        assertEquals(report.findings().size(), findings.size());
        for (JsonNode f : findings) {
            assertEquals("arn:aws:securityhub:ap-northeast-1:123456789012:product/123456789012/default", f.get("ProductArn").asText());
            assertEquals("2026-11-01T00:00:00Z", f.get("CreatedAt").asText());
        }
        assertEquals("FAILED", find(findings, "/ProductFields/tenken~1status", "FAIL").at("/Compliance/Status").asText());
        assertEquals("SUPPRESSED", find(findings, "/ProductFields/tenken~1status", "WAIVED").at("/Workflow/Status").asText());
        assertEquals("NOT_AVAILABLE", find(findings, "/ProductFields/tenken~1status", "ERROR").at("/Compliance/Status").asText());
        assertEquals("PASSED", find(findings, "/ProductFields/tenken~1status", "PASS").at("/Compliance/Status").asText());
        assertHostileTextEscapedButIntact(bytes, findings, "/Resources/0/Id");
    }

    @Test
    void asffCutsLongTextToTheDocumentedLimits() throws Exception {
        String longName = "arn:aws:s3:::" + "b".repeat(2000);
        Report report = io.tenken.TestReports.report(java.util.List.of(io.tenken.TestReports.finding("S3-01",
                io.tenken.findings.Status.FAIL, io.tenken.findings.Severity.HIGH, longName)));
        JsonNode f = Json.MAPPER.readTree(new AsffReportRenderer().render(report)).get(0);
        assertTrue(f.get("Description").asText().length() <= AsffReportRenderer.DESCRIPTION_MAX);
        assertEquals("AwsS3Bucket", f.at("/Resources/0/Type").asText());
        assertEquals("AwsIamRole", AsffReportRenderer.resourceType("arn:aws:iam::123456789012:role/x"));
        assertEquals("Other", AsffReportRenderer.resourceType("logs:ap-northeast-1"));
    }

    @Test
    void formatsAreChosenOnTheCommandLine(@TempDir Path dir) throws Exception {
        Path snap = TestSnapshots.write(TestSnapshots.withBuckets(ReportOutputTest.HOSTILE, "plain"), dir.resolve("s.json"));
        CliRun run = CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("o").toString(), "--format", "ocsf,asff");
        assertEquals(1, run.exitCode(), run.err());
        JsonNode ocsf = Json.MAPPER.readTree(Files.readAllBytes(dir.resolve("o/report.ocsf.json")));
        JsonSchema schema = schema("/ocsf/compliance_finding-1.5.0-cloud-datetime.schema.json");
        for (JsonNode e : ocsf) {
            assertTrue(schema.validate(e).isEmpty(), () -> schema.validate(e) + "\n" + e);
        }
        assertTrue(schema("/asff/asff-required.schema.json")
                .validate(Json.MAPPER.readTree(Files.readAllBytes(dir.resolve("o/report.asff.json")))).isEmpty());
    }

    private static JsonNode find(JsonNode array, String pointer, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.at(pointer).asText())) {
                return n;
            }
        }
        throw new AssertionError("no element with " + pointer + " = " + value);
    }

    /** The raw bytes hold no markup or raw line separators; the parsed value is the original text. */
    private static void assertHostileTextEscapedButIntact(byte[] bytes, JsonNode array, String resourcePointer) {
        String raw = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(raw.contains("<script"), "markup escaped");
        assertFalse(raw.contains("\u2028"), "U+2028 escaped");
        assertTrue(raw.contains("\\u003Cscript") || raw.contains("\\u003cscript"), "escaped as \\u003c");
        boolean found = false;
        for (JsonNode n : array) {
            if (n.at(resourcePointer).asText().equals("arn:aws:s3:::" + FormatsTest.HOSTILE)) {
                found = true;
            }
        }
        assertTrue(found, "the hostile name survives the round trip unchanged");
    }
}
