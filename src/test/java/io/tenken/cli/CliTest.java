package io.tenken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.TestSnapshots;
import io.tenken.facts.CollectionError;
import io.tenken.snapshot.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's contract: exit codes, one-line input errors, nothing written on bad input. */
class CliTest {

    private static void assertNoReports(Path out) {
        assertFalse(Files.exists(out.resolve("report.json")), "no JSON report on bad input");
        assertFalse(Files.exists(out.resolve("report.html")), "no HTML report on bad input");
    }

    @Test
    void malformedSnapshotNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path snap = dir.resolve("broken.json");
        Files.writeString(snap, "{\n  \"schemaVersion\": 1,\n  \"accountId\": \"1\"\n  \"regions\": []\n}\n");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("evaluate", snap.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(snap + ":4:"), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertNoReports(out);
    }

    @Test
    void unknownFieldIsAnInputError(@TempDir Path dir) throws Exception {
        Path snap = dir.resolve("s.json");
        Files.writeString(snap, Files.readString(TestSnapshots.write(TestSnapshots.withBuckets("a"), dir.resolve("ok.json")))
                .replace("\"accountId\"", "\"acountId\": \"x\", \"accountId\""));
        CliRun run = CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("acountId"), run.err());
        assertNoReports(dir.resolve("out"));
    }

    @Test
    void newerSchemaVersionIsRefused(@TempDir Path dir) throws Exception {
        Path snap = dir.resolve("future.json");
        Files.writeString(snap, "{\"schemaVersion\": 2, \"accountId\": \"1\", \"futureField\": true}");
        CliRun run = CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("schemaVersion 2 is newer"), run.err());
        assertNoReports(dir.resolve("out"));
    }

    @Test
    void missingSnapshotFile(@TempDir Path dir) {
        CliRun run = CliRun.of("evaluate", dir.resolve("nope.json").toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("nope.json: snapshot file not found"), run.err());
    }

    @Test
    void drlSyntaxErrorNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("custom.drl"), """
                package rules.custom;
                import io.tenken.facts.Bucket;
                global io.tenken.engine.Verdicts verdicts;

                rule "broken"
                    @id("CUSTOM-01") @severity("LOW") @service("s3") @concepts("s3.encryption")
                when
                    $b : Bucket( name == )
                then
                    verdicts.pass($b).observed("x").expected("y");
                end
                """);
        Path snap = TestSnapshots.write(TestSnapshots.withBuckets("a"), dir.resolve("s.json"));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("evaluate", snap.toString(), "--out", out.toString(), "--rules", rules.toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(rules.resolve("custom.drl") + ":8"), run.err());
        assertNoReports(out);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "$b : Bucket( nmae == \"x\" )|verdicts.pass($b).observed(\"x\").expected(\"y\");|8",
        "$b : Bucket()|verdicts.pass($b).observed(\"x\", $b.getNoSuch()).expected(\"y\");|10",
    })
    void drlTypeErrorsNameTheDrlFileAndLine(String when, String then, int line, @TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("custom.drl"), String.join("\n",
                "package rules.custom;",
                "import io.tenken.facts.Bucket;",
                "global io.tenken.engine.Verdicts verdicts;",
                "",
                "rule \"typo\"",
                "    @id(\"CUSTOM-01\") @severity(\"LOW\") @service(\"s3\") @concepts(\"s3.encryption\")",
                "when",
                "    " + when,
                "then",
                "    " + then,
                "end", ""));
        Path snap = TestSnapshots.write(TestSnapshots.withBuckets("a"), dir.resolve("s.json"));
        CliRun run = CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("out").toString(), "--rules", rules.toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("error: " + rules.resolve("custom.drl") + ":" + line + ": "), run.err());
        assertNoReports(dir.resolve("out"));
    }

    @Test
    void rulesDirectoryAddsARuleCompiledAtRunTime(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("custom.drl"), """
                package rules.custom;
                import io.tenken.facts.Bucket;
                global io.tenken.engine.Verdicts verdicts;

                rule "Bucket names carry the team prefix"
                    @id("CUSTOM-01") @severity("LOW") @service("s3") @concepts("s3.encryption")
                when
                    $b : Bucket()
                then
                    verdicts.check($b, $b.getName().startsWith("team-"))
                        .observed("CUSTOM-01.observed", $b.getName()).expected("CUSTOM-01.expected");
                end
                """);
        Files.writeString(rules.resolve("messages_en.properties"), "CUSTOM-01.title=Team prefix\n"
                + "CUSTOM-01.observed=name {0}\nCUSTOM-01.expected=name starts with team-\n");
        Path snap = TestSnapshots.write(TestSnapshots.withBuckets("team-a", "other"), dir.resolve("s.json"));
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("evaluate", snap.toString(), "--out", out.toString(), "--rules", rules.toString(),
                "--fail-on", "CRITICAL");
        assertEquals(0, run.exitCode(), run.err());
        String json = Files.readString(out.resolve("report.json"));
        assertTrue(json.contains("\"ruleId\": \"CUSTOM-01\""), "custom rule ran");
        assertTrue(json.contains("\"title\": \"Team prefix\""), "custom texts used");
        assertTrue(json.contains("\"observed\": \"name other\""), "custom evidence texts used");
        assertTrue(json.contains("\"ruleId\": \"S3-01\""), "bundled rules still run");
    }

    @Test
    void exitCodesFollowTheThreshold(@TempDir Path dir) throws Exception {
        // An unencrypted bucket is a HIGH failure.
        Path snap = TestSnapshots.write(TestSnapshots.withBuckets("a"), dir.resolve("s.json"));
        assertEquals(1, CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("o1").toString()).exitCode());
        assertEquals(0, CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("o2").toString(),
                "--fail-on", "CRITICAL").exitCode());
        assertEquals(2, CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("o3").toString(),
                "--fail-on", "SEVERE").exitCode());
        assertEquals(2, CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("o4").toString(),
                "--format", "pdf").exitCode());
        assertEquals(2, CliRun.of("evaluate").exitCode(), "SNAPSHOT is required");
    }

    @Test
    void collectionErrorsExitThreeUnlessAllowed(@TempDir Path dir) throws Exception {
        Snapshot s = TestSnapshots.withBuckets().toBuilder().errors(List.of(CollectionError.builder()
                .service("s3").region("global").operation("ListBuckets").errorCode("AccessDenied").build())).build();
        Path snap = TestSnapshots.write(s, dir.resolve("s.json"));
        CliRun run = CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("o").toString());
        assertEquals(3, run.exitCode(), run.out());
        assertTrue(Files.readString(dir.resolve("o/report.json")).contains("\"resourceId\": \"s3:global\""));
        // Allowed: the run is judged on its failures alone (no trail is a HIGH FAIL here).
        assertEquals(1, CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("o2").toString(),
                "--allow-collection-errors").exitCode());
    }

    @Test
    void anErrorNoRuleReadsStillExitsThreeAndShowsInCoverage(@TempDir Path dir) throws Exception {
        Snapshot s = TestSnapshots.withBuckets().toBuilder().errors(List.of(CollectionError.builder()
                .service("organizations").region("global").operation("DescribeOrganization").errorCode("AccessDenied")
                .build())).build();
        Path snap = TestSnapshots.write(s, dir.resolve("s.json"));
        CliRun run = CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("o").toString(), "--fail-on", "CRITICAL");
        assertEquals(3, run.exitCode(), run.out());
        assertTrue(Files.readString(dir.resolve("o/report.json")).contains("\"service\": \"organizations\""));
    }

    @Test
    void demoWritesBothReportsAndSummary(@TempDir Path dir) {
        CliRun run = CliRun.of("demo", "--out", dir.toString(), "--lang", "ja");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("重要度別の非準拠"), run.out());
        for (String sample : DemoCommand.SAMPLES) {
            assertTrue(Files.exists(dir.resolve(sample).resolve("report.html")));
            assertTrue(Files.exists(dir.resolve(sample).resolve("report.json")));
        }
    }

    @Test
    void rulesCommandListsTheCatalog() {
        CliRun run = CliRun.of("rules");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("COGNITO-01"), run.out());
        assertTrue(run.out().contains("cognito.self-signup-disabled"), run.out());
    }
}
