package io.tenken.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.InvalidInputException;
import io.tenken.TestSnapshots;
import io.tenken.cli.CliRun;
import io.tenken.policy.Policy;
import io.tenken.snapshot.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules are trusted code, guarded against accidents: I/O, processes, endless loops, exiting. */
class RuleGuardTest {
    static Path rules(Path dir, String body) throws Exception {
        Path d = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(d.resolve("custom.drl"), "package rules.custom;\n\n"
                + "import io.tenken.facts.AccountSettings;\n\n"
                + "global io.tenken.engine.Verdicts verdicts;\n\n"
                + "rule \"custom\"\n    @id(\"CUSTOM-01\") @severity(\"LOW\") @service(\"s3\") @concepts(\"s3.encryption\")\n"
                + "when\n    $a : AccountSettings()\nthen\n" + body + "\nend\n");
        return d;
    }

    @Test
    void drlThatReachesForProcessFileNetworkThreadOrReflectionIsRejectedWithFileAndLine(@TempDir Path dir)
            throws Exception {
        for (String call : List.of("System.exit(0);", "Runtime.getRuntime().halt(0);", "new ProcessBuilder(\"sh\");",
                "java.nio.file.Files.readString(null);", "new java.net.Socket(\"h\", 1);", "new Thread(() -> {}).start();",
                "Class.forName(\"x\");", "$a.getClass().getDeclaredMethods();")) {
            Path d = rules(dir.resolve(Integer.toString(Math.abs(call.hashCode()))), "    // a comment naming System.exit is fine\n    " + call);
            String msg = assertThrows(InvalidInputException.class, () -> RulePack.withOverrides(d), call).getMessage();
            assertTrue(msg.startsWith(d.resolve("custom.drl") + ":13: rules may not use"), call + " -> " + msg);
        }
    }

    @Test
    void theBundledRulesPassTheGuard() {
        for (DrlSource s : RulePack.bundledSources()) {
            DrlGuard.check(s.origin(), s.text());
        }
    }

    @Test
    void theDefaultBudgetGrowsWithTheFactsSoALargeAccountIsNotTakenForALoop() {
        assertEquals(Duration.ofMinutes(5), Evaluator.budgetFor(0));
        assertEquals(Duration.ofMinutes(5), Evaluator.budgetFor(300_000));
        assertEquals(Duration.ofSeconds(1_000), Evaluator.budgetFor(1_000_000));
    }

    @Test
    void aRuleThatDoesNotFinishWithinTheBudgetStopsTheRunNamingIt(@TempDir Path dir) throws Exception {
        RulePack pack = RulePack.withOverrides(rules(dir, "    while (!io.tenken.engine.LoopBreaker.stop()) { }"));
        var snapshot = TestSnapshots.withFacts(Facts.builder().build());
        String msg = assertThrows(InvalidInputException.class,
                () -> new Evaluator(pack, Duration.ofSeconds(2)).evaluate(snapshot, Policy.defaults())).getMessage();
        assertTrue(msg.startsWith("rule \"custom\" (CUSTOM-01, "), msg);
        assertTrue(msg.endsWith("did not finish within the evaluation time budget of 2 s"), msg);
        String ja = assertThrows(InvalidInputException.class,
                () -> new Evaluator(pack, Duration.ofSeconds(2)).evaluate(snapshot, Policy.defaults())).getMessage("ja");
        assertTrue(ja.startsWith("ルール \"custom\"（CUSTOM-01、") && ja.endsWith("評価の制限時間 2 秒以内に終わらなかった"), ja);
    }

    @Test
    void aRuleThatEndsTheProcessNeverMakesItExitZero(@TempDir Path dir) throws Exception {
        // The static guard would reject System.exit in the DRL; a helper that exits gets past it.
        Path rulesDir = rules(dir, "    io.tenken.cli.TestExit.now();");
        Path snapshot = TestSnapshots.write(TestSnapshots.withFacts(Facts.builder().build()), dir.resolve("s.json"));
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.tenken.cli.Main", "evaluate", snapshot.toString(),
                "--rules", rulesDir.toString(), "--out", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("error: the run was ended before it finished"), output);
        assertFalse(Files.exists(out.resolve("report.json")), "no report");
    }

    @Test
    void drlErrorOnTheCommandLineIsExitTwoWithOneLine(@TempDir Path dir) throws Exception {
        Path rulesDir = rules(dir, "    System.exit(0);");
        Path snapshot = TestSnapshots.write(TestSnapshots.withFacts(Facts.builder().build()), dir.resolve("s.json"));
        CliRun r = CliRun.of("evaluate", snapshot.toString(), "--rules", rulesDir.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("custom.drl:12: rules may not use process control ('System.exit')"), r.err());
    }
}
