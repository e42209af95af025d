package io.tenken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clone launcher ({@code ./tenken}) decides when to rebuild. It runs here in a scratch copy
 * of the repository layout with the real jar; {@code mvn} on its PATH is a recorder that
 * refreshes the jar, because what is under test is the launcher's decision and its messages,
 * not Maven (a real build takes minutes and is what {@code mvn verify} itself does). An
 * integration test: it needs the packaged jar.
 */
class LauncherIT {
    @TempDir
    Path repo;
    Path bin;

    @BeforeEach
    void layout() throws Exception {
        Files.copy(Path.of("tenken"), repo.resolve("tenken"));
        Files.createDirectories(repo.resolve("target"));
        Files.copy(Path.of("target/tenken.jar"), repo.resolve("target/tenken.jar"));
        Files.createSymbolicLink(repo.resolve("target/lib"), Path.of("target/lib").toAbsolutePath());
        for (String d : List.of("src/main/java", "src/test/java", "rules", "reports")) {
            Files.createDirectories(repo.resolve(d));
        }
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.writeString(repo.resolve("rules/s3.drl"), "rule");
        Files.writeString(repo.resolve("src/test/java/T.java"), "class T {}");
        // The launcher's sentences are in the labels, as in a clone.
        Files.createDirectories(repo.resolve("reports/i18n"));
        for (String lang : List.of("en", "ja")) {
            Path labels = Path.of("reports/i18n/labels_" + lang + ".properties");
            Files.copy(labels, repo.resolve(labels));
            age(repo.resolve(labels));
        }
        age(repo.resolve("pom.xml"), repo.resolve("rules/s3.drl"), repo.resolve("src/test/java/T.java"));
        bin = Files.createDirectories(repo.resolve("fakebin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, """
                #!/bin/sh
                echo "$*" >> "%s"
                echo "[INFO] --- maven-compiler-plugin:3.14.0:compile (default-compile) @ tenken ---"
                touch "%s"
                """.formatted(repo.resolve("mvn-calls"), repo.resolve("target/tenken.jar")));
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The jar older than the sources (aged one hour by {@link #layout}). */
    private void jarBuiltHoursAgo(int hours) throws Exception {
        Files.setLastModifiedTime(repo.resolve("target/tenken.jar"), FileTime.from(Instant.now().minusSeconds(3600L * hours)));
    }

    private static void age(Path... files) throws Exception {
        for (Path f : files) {
            Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(3600)));
        }
    }

    record Run(int code, String out, String err) {
    }

    private Run launch(String... args) throws Exception {
        return launchIn("C.UTF-8", args);
    }

    private Run launchIn(String locale, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", repo.resolve("tenken").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_MESSAGES");
        pb.environment().put("LANG", locale);
        Path out = repo.resolve("out.txt");
        Path err = repo.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<String> mvnCalls() throws Exception {
        Path calls = repo.resolve("mvn-calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void upToDateJarRunsWithoutBuilding() throws Exception {
        Run r = launch("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("tenken "), r.out());
        assertEquals(List.of(), mvnCalls());
        assertEquals("", r.err());
    }

    @Test
    void changedRuleRebuildsAndSaysWhy() throws Exception {
        Files.writeString(repo.resolve("rules/s3.drl"), "rule changed");
        jarBuiltHoursAgo(2);
        age(repo.resolve("rules/s3.drl"));
        Run r = launch("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("rules/s3.drl is newer than target/tenken.jar: rebuilding"), r.err());
        assertTrue(r.err().contains("maven-compiler-plugin:3.14.0:compile (default-compile)"), "Maven's steps shown: " + r.err());
        assertEquals(1, mvnCalls().size());
        assertTrue(mvnCalls().get(0).contains("-Dtenken.dist.skip=true") && mvnCalls().get(0).contains("package"), mvnCalls()::toString);
        // Nothing a terminal would interpret: output is not a terminal here.
        assertFalse((r.out() + r.err()).contains("\u001b["), r.err());

        launch("--version");
        assertEquals(1, mvnCalls().size(), "built once, then up to date");
    }

    @Test
    void missingJarIsAFirstBuildWithAnEstimate() throws Exception {
        Files.delete(repo.resolve("target/tenken.jar"));
        Files.copy(Path.of("target/tenken.jar"), repo.resolve("target/tenken.jar.real"));
        Files.writeString(bin.resolve("mvn"), """
                #!/bin/sh
                echo "$*" >> "%s"
                cp "%s" "%s"
                """.formatted(repo.resolve("mvn-calls"), repo.resolve("target/tenken.jar.real"), repo.resolve("target/tenken.jar")));
        Run r = launch("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("first run: building target/tenken.jar (usually 1-3 minutes"), r.err());
    }

    @Test
    void testSourcesDoNotTriggerARebuild() throws Exception {
        Files.setLastModifiedTime(repo.resolve("src/test/java/T.java"), FileTime.from(Instant.now().plusSeconds(5)));
        launch("--version");
        assertEquals(List.of(), mvnCalls());
    }

    @Test
    void failedBuildExitsTwoAndShowsMavensErrors() throws Exception {
        jarBuiltHoursAgo(2);
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho '[ERROR] Failed to execute goal x'\nexit 1\n");
        Run r = launch("--version");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("[ERROR] Failed to execute goal x"), r.err());
        assertTrue(r.err().contains("build failed (mvn exit 1)"), r.err());
    }

    /** A Japanese locale, or --lang ja among the arguments, makes the launcher's own lines Japanese. */
    @Test
    void launcherSpeaksJapaneseForAJapaneseLocaleOrLangJa() throws Exception {
        Files.writeString(repo.resolve("rules/s3.drl"), "rule changed");
        jarBuiltHoursAgo(2);
        age(repo.resolve("rules/s3.drl"));
        Run r = launchIn("ja_JP.UTF-8", "--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("tenken: rules/s3.drl が target/tenken.jar より新しいため再ビルドする"), r.err());
        assertTrue(r.err().contains("秒でビルドした"), r.err());

        jarBuiltHoursAgo(2);
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho '[ERROR] Failed to execute goal x'\nexit 1\n");
        Run failed = launch("demo", "--lang", "ja");
        assertEquals(2, failed.code());
        assertTrue(failed.err().contains("tenken: ビルドに失敗した (mvn の終了コード 1)"), failed.err());
        Run english = launchIn("ja_JP.UTF-8", "demo", "--lang=en");
        assertTrue(english.err().contains("build failed (mvn exit 1)"), "--lang wins over the locale: " + english.err());
    }
}
