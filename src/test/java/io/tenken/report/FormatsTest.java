package io.tenken.report;

import static io.tenken.TestReports.finding;
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
import io.tenken.TestReports;
import io.tenken.TestSnapshots;
import io.tenken.cli.CliRun;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;
import io.tenken.gate.WaiverFile;
import io.tenken.gate.Waivers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** SARIF, JUnit XML, Markdown and CSV: validity, counts, and escaping of hostile resource names. */
public class FormatsTest {
    static final String HOSTILE = ReportOutputTest.HOSTILE + " | pipe *star* [link](http://x) @user \u0001ctl";
    static final String FORMULA = "=HYPERLINK(\"http://evil\",\"x\")";

    static Report sample() {
        List<Finding> fs = new ArrayList<>(List.of(
                finding("S3-01", Status.FAIL, Severity.HIGH, "arn:aws:s3:::" + HOSTILE),
                finding("S3-01", Status.FAIL, Severity.HIGH, FORMULA),
                finding("S3-01", Status.FAIL, Severity.HIGH, "arn:aws:s3:::waived-1"),
                finding("S3-01", Status.PASS, Severity.HIGH, "arn:aws:s3:::ok"),
                finding("LOGS-01", Status.ERROR, Severity.MEDIUM, "logs:ap-northeast-1"),
                finding("COGNITO-01", Status.NOT_APPLICABLE, Severity.CRITICAL, "123456789012"),
                finding("WAF-01", Status.FAIL, Severity.LOW, "+cmd|' /C calc'!A0")));
        String waivers = """
                waivers:
                  - ruleId: S3-01
                    resource: "arn:aws:s3:::waived-*"
                    reason: "Rollout <b>PROJ-1</b> & co"
                    approvedBy: sec@example.com
                    expires: 2026-12-31
                """;
        return Waivers.apply(TestReports.report(fs), WaiverFile.parse(Path.of("w.yaml"),
                waivers.getBytes(StandardCharsets.UTF_8)), LocalDate.of(2026, 11, 1));
    }

    static String text(ReportRenderer r, Report report) {
        return new String(r.render(report), StandardCharsets.UTF_8);
    }

    static JsonSchema sarifSchema() throws Exception {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = FormatsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
    }

    public static void assertValidSarif(byte[] sarif) throws Exception {
        Set<ValidationMessage> errors = sarifSchema().validate(Json.MAPPER.readTree(sarif));
        assertTrue(errors.isEmpty(), "SARIF does not validate: " + errors);
    }

    @Test
    void sarifValidatesAgainstTheSchemaWithStableFingerprints() throws Exception {
        Report report = sample();
        byte[] bytes = new SarifReportRenderer().render(report);
        assertValidSarif(bytes);
        assertArrayEquals(bytes, new SarifReportRenderer().render(report), "deterministic");
        JsonNode run = Json.MAPPER.readTree(bytes).at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        assertEquals(report.rules().size(), rules.size());
        for (JsonNode r : rules) {
            assertFalse(r.at("/shortDescription/text").asText().isBlank());
            assertFalse(r.at("/fullDescription/text").asText().isBlank());
            Double.parseDouble(r.at("/properties/security-severity").asText());
        }
        JsonNode results = run.get("results");
        assertEquals(5, results.size(), "3 FAIL + 1 WAIVED + 1 ERROR; no PASS, no N/A");
        int suppressed = 0;
        for (JsonNode res : results) {
            String resource = res.at("/properties/resourceId").asText();
            assertEquals(SarifReportRenderer.fingerprint(res.get("ruleId").asText(), resource),
                    res.at("/partialFingerprints/tenkenFinding~1v1").asText());
            assertEquals(resource, res.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
            String status = res.at("/properties/status").asText();
            switch (status) {
                case "ERROR" -> assertEquals("note", res.get("level").asText());
                case "WAIVED" -> {
                    suppressed++;
                    assertEquals("accepted", res.at("/suppressions/0/status").asText());
                    assertTrue(res.at("/suppressions/0/justification").asText().contains("sec@example.com"));
                }
                default -> assertEquals(res.at("/properties/severity").asText().equals("LOW") ? "note" : "error",
                        res.get("level").asText());
            }
        }
        assertEquals(1, suppressed);
        // The fingerprint depends on rule and resource only, not on wording or status.
        assertEquals(SarifReportRenderer.fingerprint("S3-01", "arn:aws:s3:::a"),
                SarifReportRenderer.fingerprint("S3-01", "arn:aws:s3:::a"));
        assertFalse(SarifReportRenderer.fingerprint("S3-01", "a").equals(SarifReportRenderer.fingerprint("S3-0", "1a")));
    }

    @Test
    void sarifOfTheDemoValidates(@TempDir Path dir) throws Exception {
        Path snap = TestSnapshots.write(TestSnapshots.withBuckets(ReportOutputTest.HOSTILE, "plain"), dir.resolve("s.json"));
        CliRun run = CliRun.of("evaluate", snap.toString(), "--out", dir.toString(), "--format", "sarif,junit,markdown,csv");
        assertEquals(1, run.exitCode(), run.err());
        assertValidSarif(Files.readAllBytes(dir.resolve("report.sarif")));
        for (String f : new String[] {"report.junit.xml", "report.md", "report.csv"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
    }

    @Test
    void junitXmlIsWellFormedWithCounts() throws Exception {
        byte[] xml = new JunitReportRenderer().render(sample());
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("7", root.getAttribute("tests"));
        assertEquals("3", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("errors"));
        assertEquals("2", root.getAttribute("skipped"), "N/A and WAIVED");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(7, cases.getLength());
        assertEquals(3, doc.getElementsByTagName("failure").getLength());
        assertEquals(1, doc.getElementsByTagName("error").getLength());
        NodeList skipped = doc.getElementsByTagName("skipped");
        assertEquals(2, skipped.getLength());
        boolean waiverShown = false;
        boolean hostileRoundTrips = false;
        for (int i = 0; i < skipped.getLength(); i++) {
            waiverShown |= ((Element) skipped.item(i)).getAttribute("message")
                    .equals("waived: Rollout <b>PROJ-1</b> & co (approved by sec@example.com, expires 2026-12-31)");
        }
        for (int i = 0; i < cases.getLength(); i++) {
            hostileRoundTrips |= ((Element) cases.item(i)).getAttribute("name")
                    .startsWith("arn:aws:s3:::<script>alert(1)</script>\"quoted\"");
        }
        assertTrue(waiverShown, "waiver reason, approver and expiry in the skipped message");
        assertTrue(hostileRoundTrips, "hostile name escaped by the writer and read back exactly");
        assertEquals(4, doc.getElementsByTagName("testsuite").getLength(), "one suite per rule");
    }

    @Test
    void csvQuotesAndDefusesFormulas() {
        byte[] bytes = new CsvReportRenderer().render(sample());
        assertEquals(0xEF, bytes[0] & 0xff, "UTF-8 BOM for Excel");
        assertEquals(0xBB, bytes[1] & 0xff);
        assertEquals(0xBF, bytes[2] & 0xff);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = parseCsv(csv);
        assertEquals(8, rows.size(), "header + 7 findings");
        assertEquals(CsvReportRenderer.HEADER, rows.get(0));
        for (List<String> row : rows) {
            assertEquals(CsvReportRenderer.HEADER.size(), row.size());
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0, "formula cell: " + cell);
            }
        }
        List<String> resources = rows.stream().map(r -> r.get(5)).toList();
        assertTrue(resources.contains("'" + FORMULA), resources.toString());
        assertTrue(resources.contains("'+cmd|' /C calc'!A0"), resources.toString());
        assertTrue(resources.contains("arn:aws:s3:::" + HOSTILE), "newlines, quotes and commas survive quoting");
        assertTrue(csv.contains("\r\n"));
        List<String> waived = rows.stream().filter(r -> r.get(2).equals("WAIVED")).findFirst().orElseThrow();
        assertEquals("Rollout <b>PROJ-1</b> & co", waived.get(9));
        assertEquals("2026-12-31", waived.get(11));
    }

    /** A strict RFC 4180 reader: every field quoted, CRLF between records. */
    static List<List<String>> parseCsv(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            assertEquals('"', s.charAt(i), "field starts with a quote at " + i);
            StringBuilder b = new StringBuilder();
            i++;
            while (true) {
                char c = s.charAt(i);
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        b.append('"');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                b.append(c);
                i++;
            }
            row.add(b.toString());
            if (s.startsWith("\r\n", i)) {
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                assertEquals(',', s.charAt(i));
                i++;
            }
        }
        return rows;
    }

    @Test
    void markdownEscapesMarkupAndPipes() {
        String md = text(new MarkdownReportRenderer(), sample());
        assertFalse(md.contains("<script>"), md);
        assertTrue(md.contains("&lt;script&gt;"), md);
        assertFalse(md.contains("[link](http"), "no live link from a resource name");
        assertFalse(md.contains(" @user"), "no @mention from a resource name");
        assertFalse(md.contains("\u0001"));
        for (String line : md.split("\n")) {
            if (line.startsWith("| ") && line.contains("pipe")) {
                // Unescaped pipes delimit cells: a row must have exactly the header's columns.
                long cells = line.replace("\\|", "").chars().filter(c -> c == '|').count();
                assertEquals(6, cells, line);
                assertFalse(line.contains("\n"));
            }
        }
        assertTrue(md.contains("| Severity | Status | ID | Resource | Observed |"), md);
        assertTrue(md.contains("Waivers"), md);
    }

    @Test
    void markdownEscapeUnit() {
        assertEquals("a\\|b &lt;i&gt; \\*x\\* \\[l\\]\\(u\\) \\@m \\`c\\` \\\\ x y", Escape.markdown("a|b <i> *x* [l](u) @m `c` \\ x\ny"));
        assertEquals("\"'=1+2\"", Escape.csv("=1+2"));
        assertEquals("\"' -1\"", Escape.csv(" -1"));
        assertEquals("\"a \"\"b\"\", c\"", Escape.csv("a \"b\", c"));
        assertEquals("ok\uFFFD\uFFFD😈", Escape.xmlText("ok\u0000\uD800😈"));
    }
}
