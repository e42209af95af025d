package io.tenken.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenken template}: exit codes and input errors as {@code evaluate}. */
class TemplateCommandTest {
    @Test
    void badTemplateIsOneLineNamingFileAndPlaceExit2NothingWritten(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "Resources:\n  A:\n    Type: AWS::S3::Bucket\n  A:\n    Type: AWS::S3::Bucket\n");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("template", bad.toString(), "--out", out.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("bad.yaml:4:") && run.err().contains("duplicate key"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void notAnAssemblyIsAnInputError(@TempDir Path dir) {
        CliRun run = CliRun.of("template", dir.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no manifest.json"), run.err());
    }

    @Test
    void failuresGateWithCollectionErrorsAllowed(@TempDir Path dir) {
        CliRun run = CliRun.of("template", "src/test/resources/template/hardened-same-region", "--out",
                dir.toString(), "--format", "json", "--allow-collection-errors", "--fail-on", "CRITICAL");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        CliRun strict = CliRun.of("template", "src/test/resources/template/genu/default", "--out",
                dir.resolve("genu").toString(), "--format", "json", "--allow-collection-errors");
        assertEquals(1, strict.exitCode(), strict.out());
    }

    @Test
    void coverageSaysWhatATemplateCanDecide() {
        CliRun run = CliRun.of("rules", "--coverage");
        assertTrue(run.out().contains("TEMPLATE"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("cognito.mfa ") && l.contains(" yes ")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.contains("CLOUDTRAIL-01") && l.contains("any trail of the account")),
                run.out());
    }

    @Test
    void accountSnapshotOfAnotherAccountIsRefused(@TempDir Path dir) throws Exception {
        Path live = dir.resolve("live.json");
        Files.writeString(live, "{\"schemaVersion\": 1, \"accountId\": \"999999999999\", \"regions\": [\"us-east-1\"], "
                + "\"services\": {}, \"errors\": [], \"facts\": {}}");
        CliRun run = CliRun.of("template", "src/test/resources/template/genu/default", "--account-snapshot",
                live.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("999999999999"), run.err());
    }
}
