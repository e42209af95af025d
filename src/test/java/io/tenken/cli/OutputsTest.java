package io.tenken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.TestSnapshots;
import io.tenken.snapshot.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output problems are one line and exit 2, found before any work, and leave no partial set. */
class OutputsTest {
    static Path snapshot(Path dir) throws Exception {
        return TestSnapshots.write(TestSnapshots.withFacts(Facts.builder().build()), dir.resolve("s.json"));
    }

    static void oneLine(CliRun r, String contains) {
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.err().contains(contains), r.err());
    }

    @Test
    void outThatIsAFileOrCannotBeCreatedIsExitTwo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        oneLine(CliRun.of("evaluate", snapshot(dir).toString(), "--out", file.toString()), "must be a directory");
        oneLine(CliRun.of("evaluate", snapshot(dir).toString(), "--out", file.resolve("sub").toString()),
                "cannot write reports here");
    }

    @Test
    void scanChecksOutBeforeCollecting(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        // Nothing listens on port 1: had the scan started, the error would be about the endpoint.
        CliRun r = CliRun.of("scan", "--out", file.toString(), "--endpoint-url", "http://127.0.0.1:1",
                "--region", "us-east-1");
        oneLine(r, "must be a directory");
    }

    @Test
    void aFormatThatCannotBeWrittenLeavesNoneOfTheSetBehind(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(out.resolve("report.sarif")); // in the way of the SARIF file
        CliRun r = CliRun.of("evaluate", snapshot(dir).toString(), "--out", out.toString(),
                "--format", "html,json,sarif");
        oneLine(r, "report.sarif: cannot write");
        assertFalse(Files.exists(out.resolve("report.html")));
        assertFalse(Files.exists(out.resolve("report.json")));
        try (var s = Files.list(out)) {
            assertEquals(1, s.count(), "no temp files left");
        }
    }

    @Test
    void policyInitNeverFollowsASymlink(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("precious.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("tenken-policy.yaml"), target);
        oneLine(CliRun.of("policy", "init", "--out", link.toString()), "symbolic link");
        oneLine(CliRun.of("policy", "init", "--out", link.toString(), "--force"), "symbolic link");
        assertEquals("keep", Files.readString(target));
        Path dangling = Files.createSymbolicLink(dir.resolve("new.yaml"), dir.resolve("created-elsewhere.yaml"));
        oneLine(CliRun.of("policy", "init", "--out", dangling.toString()), "symbolic link");
        assertFalse(Files.exists(dir.resolve("created-elsewhere.yaml")));
    }
}
