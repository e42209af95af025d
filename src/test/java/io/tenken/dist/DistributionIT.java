package io.tenken.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.collect.Moto;
import io.tenken.collect.MotoServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The release archive as a user gets it: unpacked with tar, run through {@code bin/tenken} with
 * JAVA_HOME unset and a PATH holding only the few POSIX tools the launcher uses (no java).
 */
@ExtendWith(MotoServerExtension.class)
class DistributionIT {
    @TempDir
    static Path dir;
    static Path home;
    static Path path;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("tenken.dist"));
        assertTrue(Files.isRegularFile(archive), "no distribution at " + archive);
        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
        assertEquals(0, new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
                .inheritIO().start().waitFor());
        try (Stream<Path> s = Files.list(unpacked)) {
            home = s.findFirst().orElseThrow();
        }
        path = Files.createDirectories(dir.resolve("path"));
        for (String tool : List.of("sh", "dirname", "readlink", "cat")) {
            for (String d : List.of("/bin/", "/usr/bin/")) {
                if (Files.isExecutable(Path.of(d + tool))) {
                    Files.createSymbolicLink(path.resolve(tool), Path.of(d + tool));
                    break;
                }
            }
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run run(Map<String, String> extraEnv, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/tenken").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", path.toString());
        pb.environment().put("HOME", dir.toString());
        pb.environment().putAll(extraEnv);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void layoutHoldsOnlyWhatRunsTenken() throws IOException {
        assertTrue(Files.isExecutable(home.resolve("bin/tenken")));
        assertTrue(Files.isRegularFile(home.resolve("LICENSE")));
        // The CycloneDX plugin runs only online (CI checks that it did): the release carries the
        // SBOM the build made, and it names what the release holds.
        if (Files.exists(Path.of(System.getProperty("tenken.dist").replace("-linux-x64.tar.gz", ".cdx.json")))) {
            JsonNode bom = io.tenken.Json.MAPPER.readTree(home.resolve("sbom.cdx.json").toFile());
            assertEquals("CycloneDX", bom.get("bomFormat").asText());
            List<String> names = new ArrayList<>();
            bom.get("components").forEach(c -> names.add(c.get("name").asText()));
            assertTrue(names.contains("picocli") && names.contains("drools-engine") && !names.contains("ec2"), names::toString);
        }
        assertTrue(Files.isRegularFile(home.resolve("app/tenken.aot")) || Files.isRegularFile(home.resolve("app/tenken.jsa")),
                "a start-up cache made at build time");
        List<String> modules = Files.readAllLines(home.resolve("runtime/release"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("MODULES=")).toList();
        assertEquals(1, modules.size());
        assertFalse(modules.get(0).contains("jdk.compiler"), "no javac in the runtime: " + modules);
        assertFalse(modules.get(0).contains("jdk.jshell"), modules.get(0));
        try (Stream<Path> jars = Files.list(home.resolve("app/lib"))) {
            List<String> names = jars.map(j -> j.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith("ec2-") || n.startsWith("netty-")
                    || n.startsWith("junit") || n.startsWith("wiremock") || n.startsWith("lombok")), names::toString);
        }
    }

    @Test
    void demoRunsWithoutAJdkOnThePath() throws Exception {
        Run r = run(Map.of(), "demo", "--out", "demo-out", "--format", "html,json,sarif,junit,markdown,csv", "--lang", "ja");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("genu-default"), r.out());
        for (String f : List.of("report.html", "report.json", "report.sarif", "report.junit.xml", "report.md", "report.csv")) {
            assertTrue(Files.size(dir.resolve("demo-out/genu-default").resolve(f)) > 0, f);
        }
        assertFalse(r.err().contains("[warning]"), "no JVM cache warnings on stderr: " + r.err());
    }

    @Test
    void extraRulesCompileAtRunTimeInTheLinkedRuntime() throws Exception {
        // A file named like a bundled one replaces it: the DRL is compiled by this runtime (ecj, no javac).
        Path rules = Files.createDirectories(dir.resolve("my-rules"));
        Files.copy(Path.of("rules/kms.drl"), rules.resolve("kms.drl"));
        Run r = run(Map.of(), "rules", "--rules", rules.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("KMS-01"), r.out());
    }

    @Test
    void scansMotoOverTheSdkInTheLinkedRuntime() throws Exception {
        try (S3Client s3 = Moto.s3("ap-northeast-1")) {
            s3.createBucket(b -> b.bucket("dist-it-bucket"));
        }
        Run r = run(Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "ap-northeast-1"),
                "scan", "--endpoint-url", MotoServerExtension.endpoint().toString(), "--region", "ap-northeast-1",
                "--out", "scan-out", "--format", "json");
        assertTrue(r.code() == 1 || r.code() == 3, r.out() + r.err());
        String snapshot = Files.readString(dir.resolve("scan-out/snapshot.json"));
        assertTrue(snapshot.contains("dist-it-bucket"), "the scan read moto through the bundled runtime");
    }
}
