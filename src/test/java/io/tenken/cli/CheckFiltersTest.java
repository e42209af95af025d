package io.tenken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.Json;
import io.tenken.TestSnapshots;
import io.tenken.collect.MotoServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** --checks, --exclude-checks, --services, --severity: what is judged, reported and collected. */
@ExtendWith(MotoServerExtension.class)
class CheckFiltersTest {
    @TempDir
    Path dir;

    private JsonNode evaluate(String... filters) throws Exception {
        Path snap = TestSnapshots.write(TestSnapshots.withBuckets("a"), dir.resolve("s.json"));
        Path out = dir.resolve("o" + System.nanoTime());
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", snap.toString(), "--out", out.toString(), "--format", "json"));
        args.addAll(List.of(filters));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
        return Json.MAPPER.readTree(out.resolve("report.json").toFile());
    }

    private static Set<String> ruleIds(JsonNode report) {
        Set<String> ids = new TreeSet<>();
        report.get("rules").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private static Set<String> findingRules(JsonNode report) {
        Set<String> ids = new TreeSet<>();
        report.get("findings").forEach(f -> ids.add(f.get("ruleId").asText()));
        return ids;
    }

    @Test
    void checksServicesSeverityAndExclusionsSelectRules() throws Exception {
        JsonNode all = evaluate();
        JsonNode one = evaluate("--checks", "S3-01");
        assertEquals(Set.of("S3-01"), ruleIds(one));
        assertEquals(Set.of("S3-01"), findingRules(one));
        assertEquals(one.get("findings").size(), one.at("/summary/total").asInt(0) == 0
                ? one.get("findings").size() : one.at("/summary/total").asInt());

        JsonNode s3 = evaluate("--services", "s3", "--exclude-checks", "S3-01");
        assertFalse(ruleIds(s3).contains("S3-01"));
        assertTrue(ruleIds(s3).stream().allMatch(id -> id.startsWith("S3-")), ruleIds(s3)::toString);
        // Only the services S3 checks read (S3-06 also reads CloudTrail and Bedrock).
        s3.get("coverage").forEach(c -> assertTrue(Set.of("s3", "cloudtrail", "bedrock").contains(c.get("service").asText()),
                c.toString()));

        JsonNode high = evaluate("--severity", "critical,HIGH");
        high.get("rules").forEach(r -> assertTrue(Set.of("CRITICAL", "HIGH").contains(r.get("severity").asText()), r.toString()));
        assertTrue(ruleIds(high).size() < ruleIds(all).size());
    }

    @Test
    void unknownNamesAreInputErrorsWithSuggestions() throws Exception {
        Path snap = TestSnapshots.write(TestSnapshots.withBuckets("a"), dir.resolve("s.json"));
        CliRun check = CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("o").toString(), "--checks", "S3-1");
        assertEquals(2, check.exitCode());
        assertTrue(check.err().contains("--checks: no check 'S3-1'; did you mean S3-01?"), check.err());
        CliRun service = CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("o").toString(), "--services", "s4");
        assertEquals(2, service.exitCode());
        assertTrue(service.err().contains("did you mean s3?"), service.err());
        CliRun severity = CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("o").toString(), "--severity", "urgent");
        assertEquals(2, severity.exitCode());
        assertFalse(Files.exists(dir.resolve("o")), "nothing written");
    }

    @Test
    void aScanCollectsOnlyWhatTheChosenChecksNeed() throws Exception {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        try {
            Path out = dir.resolve("scan");
            CliRun run = CliRun.of("scan", "--endpoint-url", MotoServerExtension.endpoint().toString(), "--region",
                    "ap-northeast-1", "--checks", "S3-01,S3-03", "--out", out.toString(), "--format", "json");
            assertTrue(run.exitCode() <= 1, run.out() + run.err());
            JsonNode snapshot = Json.MAPPER.readTree(out.resolve("snapshot.json").toFile());
            Set<String> collected = new TreeSet<>();
            snapshot.get("services").fieldNames().forEachRemaining(collected::add);
            assertEquals(Set.of("s3", "sts"), collected);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
