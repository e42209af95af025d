package io.tenken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.Json;
import io.tenken.TestSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composite GitHub Action (src/github-action): its run step is executed as the runner would,
 * with inputs as environment variables and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files; the
 * action definition passes every input through the environment, never into script text.
 */
class GithubActionIT {
    @TempDir
    Path dir;

    private Map<String, String> run(Map<String, String> inputs) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("src/github-action/run.sh").toAbsolutePath().toString())
                .directory(dir.toFile());
        Map<String, String> env = pb.environment();
        for (String k : new String[] {"COMMAND", "INPUT", "REGIONS", "PROFILE", "ROLE_ARN", "EXTERNAL_ID", "FORMAT", "LANG",
            "FAIL_ON", "CHECKS", "EXCLUDE_CHECKS", "SERVICES", "SEVERITY", "POLICY", "WAIVERS", "BASELINE", "FAIL_ON_NEW",
            "ALLOW_ERRORS", "OUT"}) {
            env.put("IN_" + k, "");
        }
        env.put("IN_LANG", "en");
        env.put("IN_FAIL_ON", "HIGH");
        env.put("IN_OUT", "tenken-report");
        env.put("IN_FORMAT", "html,json");
        env.putAll(inputs);
        env.put("TENKEN_HOME", Path.of("").toAbsolutePath().toString());
        env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
        Process p = pb.redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), "the run step itself never fails: " + Files.readString(dir.resolve("log")));
        Map<String, String> outputs = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("output"))) {
            outputs.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        return outputs;
    }

    @Test
    void evaluateWritesSarifSummaryAndExitCode() throws Exception {
        Path snap = TestSnapshots.write(TestSnapshots.withBuckets("a"), dir.resolve("snapshot.json"));
        Map<String, String> out = run(Map.of("IN_COMMAND", "evaluate", "IN_INPUT", snap.toString(), "IN_SERVICES", "s3"));
        assertEquals("1", out.get("exit-code"), out::toString);
        assertEquals("tenken-report/report.sarif", out.get("sarif"));
        JsonNode sarif = Json.MAPPER.readTree(dir.resolve("tenken-report/report.sarif").toFile());
        assertEquals("2.1.0", sarif.get("version").asText());
        assertTrue(Files.isRegularFile(dir.resolve("tenken-report/report.html")));
        String summary = Files.readString(dir.resolve("summary.md"));
        assertTrue(summary.contains("S3-"), summary);
    }

    @Test
    void missingInputIsAnInputErrorNotACrash() throws Exception {
        Map<String, String> out = run(Map.of("IN_COMMAND", "evaluate"));
        assertEquals("2", out.get("exit-code"));
        assertTrue(Files.readString(dir.resolve("log")).contains("::error::input is required for evaluate"));
    }

    @Test
    void actionPassesInputsOnlyThroughTheEnvironment() throws Exception {
        JsonNode action = Json.YAML.readTree(Path.of("src/github-action/action.yml").toFile());
        assertEquals("composite", action.at("/runs/using").asText());
        for (JsonNode step : action.at("/runs/steps")) {
            if (step.has("run")) {
                assertFalse(step.get("run").asText().contains("${{"), "expressions in script text: " + step);
            }
        }
        for (String input : new String[] {"command", "input", "regions", "format", "fail-on", "checks", "exclude-checks",
            "services", "severity", "waivers", "baseline", "upload-sarif"}) {
            assertTrue(action.at("/inputs").has(input), input);
        }
    }
}
