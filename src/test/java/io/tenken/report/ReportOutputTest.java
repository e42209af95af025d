package io.tenken.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tenken.Json;
import io.tenken.TestSnapshots;
import io.tenken.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report contract: escaping of hostile text, schema conformance, byte-identical output. */
public class ReportOutputTest {
    static final String HOSTILE = "<script>alert(1)</script>\"quoted\" 'single' back\\slash\nnew line \u2028 😈𝕏";

    static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("reports/report.schema.json")));
    }

    public static void assertConforms(Path json) throws Exception {
        JsonNode node = Json.MAPPER.readTree(json.toFile());
        Set<ValidationMessage> errors = schema().validate(node);
        assertTrue(errors.isEmpty(), json + " does not conform to report.schema.json: " + errors);
    }

    @Test
    void hostileBucketNameIsEscapedInHtmlAndExactInJson(@TempDir Path dir) throws Exception {
        Path snap = TestSnapshots.write(TestSnapshots.withBuckets(HOSTILE, "normal-bucket"), dir.resolve("s.json"));
        for (String lang : new String[] {"en", "ja"}) {
            Path out = dir.resolve("out-" + lang);
            CliRun run = CliRun.of("evaluate", snap.toString(), "--out", out.toString(), "--lang", lang);
            assertEquals(1, run.exitCode(), run.err());

            String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
            assertFalse(html.contains("<script>"), "raw <script> in HTML");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;quoted&quot; &#39;single&#39; back\\slash"),
                    "escaped name not found in HTML");
            assertTrue(html.contains("😈𝕏"), "non-BMP characters must survive");

            Path json = out.resolve("report.json");
            JsonNode report = Json.MAPPER.readTree(json.toFile());
            boolean found = false;
            for (JsonNode f : report.get("findings")) {
                if (f.get("resourceId").asText().equals("arn:aws:s3:::" + HOSTILE)) {
                    found = true;
                    if (f.get("ruleId").asText().equals("S3-01")) {
                        assertEquals("FAIL", f.get("status").asText(), "no default encryption in the snapshot");
                    }
                }
            }
            assertTrue(found, "hostile resource id must round-trip exactly through JSON");
            assertConforms(json);
        }
    }

    @Test
    void demoReportsConformToTheSchema(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("demo", "--out", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (String sample : new String[] {"genu-default", "genu-hardened"}) {
            assertConforms(dir.resolve(sample).resolve("report.json"));
            String html = Files.readString(dir.resolve(sample).resolve("report.html"));
            assertFalse(html.matches("(?s).*<(link|script)[^>]*(src|href)=.*"), "HTML must not load external assets");
        }
    }

    @Test
    void sameSnapshotGivesByteIdenticalJson(@TempDir Path dir) throws Exception {
        Path snap = TestSnapshots.write(TestSnapshots.withBuckets("b", "a", HOSTILE), dir.resolve("s.json"));
        CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("one").toString());
        CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("two").toString());
        byte[] one = Files.readAllBytes(dir.resolve("one/report.json"));
        byte[] two = Files.readAllBytes(dir.resolve("two/report.json"));
        assertArrayEquals(one, two);
    }
}
