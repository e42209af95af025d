package io.tenken.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.TestSnapshots;
import io.tenken.cli.CliRun;
import io.tenken.facts.LogGroup;
import io.tenken.snapshot.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy file: defaults written by `policy init`, strict validation, thresholds that change verdicts. */
class PolicyFileTest {

    @Test
    void initWritesTheDefaultsWithACommentOnEveryKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        CliRun run = CliRun.of("policy", "init", "--out", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Policy.defaults(), PolicyLoader.load(file), "the written file is exactly the built-in defaults");
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith(" ")) {
                int j = i - 1;
                while (j >= 0 && !lines.get(j).startsWith("#") && !lines.get(j).isBlank() && !lines.get(j).startsWith(" ")
                        && Character.isLetter(lines.get(j).charAt(0))) {
                    j--;
                }
                assertTrue(j >= 0 && lines.get(j).startsWith("#"), "key without a comment: " + line);
            }
        }
        String text = Files.readString(file);
        for (java.lang.reflect.Field f : Policy.class.getDeclaredFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                assertTrue(text.contains("\n" + f.getName() + ":"), "policy init does not write key " + f.getName());
            }
        }
        assertEquals(2, CliRun.of("policy", "init", "--out", file.toString()).exitCode(), "no silent overwrite");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "logRetentionMinDays: 365\\nretentionDays: 30|unknown key 'retentionDays'",
        "logRetentionMinDays: -1|key 'logRetentionMinDays': -1 must be greater than 0",
        "unusedCredentialDays: 0|key 'unusedCredentialDays'",
        "wafWidestIpv4Prefix: 40|key 'wafWidestIpv4Prefix': /40 is outside /0../32",
        "wafWidestIpv6Prefix: 129|key 'wafWidestIpv6Prefix'",
        "maxRefreshTokenDays: seven|(at maxRefreshTokenDays)",
        "mfa: ALWAYS|key 'mfa'",
        "passwordMinLength: 12\\npasswordRecommendedLength: 10|key 'passwordRecommendedLength'",
        "wafExpectedIpv4Cidrs: [300.1.2.0/24]|key 'wafExpectedIpv4Cidrs'",
        "allowedRegions: [tokyo]|key 'allowedRegions'",
        "wafAllowedCountryCodes: [jp]|key 'wafAllowedCountryCodes'",
        "logRetentionMinDays: [1, 2]|(at logRetentionMinDays)",
    })
    void badValuesAreRefusedNamingTheKey(String yaml, String expected, @TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, yaml.replace("\\n", "\n"));
        Path snap = TestSnapshots.write(TestSnapshots.withBuckets("a"), dir.resolve("s.json"));
        CliRun run = CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("out").toString(), "--policy", policy.toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(policy.toString()), run.err());
        assertTrue(run.err().contains(expected), "expected '" + expected + "' in: " + run.err());
        assertFalse(Files.exists(dir.resolve("out/report.json")));
    }

    @Test
    void changingAThresholdChangesTheVerdictWithoutTouchingARule(@TempDir Path dir) throws Exception {
        Facts facts = Facts.builder().logGroups(List.of(LogGroup.builder().name("aws-cloudtrail-logs").region("ap-northeast-1")
                .arn("arn:aws:logs:ap-northeast-1:123456789012:log-group:aws-cloudtrail-logs").retentionDays(180).build())).build();
        Path snap = TestSnapshots.write(TestSnapshots.withFacts(facts), dir.resolve("s.json"));
        Path strict = dir.resolve("strict.yaml");
        Path lenient = dir.resolve("lenient.yaml");
        Files.writeString(strict, "logRetentionMinDays: 365\n");
        Files.writeString(lenient, "logRetentionMinDays: 180\n");
        CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("strict").toString(), "--policy", strict.toString());
        CliRun.of("evaluate", snap.toString(), "--out", dir.resolve("lenient").toString(), "--policy", lenient.toString());
        assertTrue(logsVerdict(dir.resolve("strict/report.json")).equals("FAIL"));
        assertTrue(logsVerdict(dir.resolve("lenient/report.json")).equals("PASS"));
        String json = Files.readString(dir.resolve("lenient/report.json"));
        assertTrue(json.contains(io.tenken.snapshot.Sha256.hex(Files.readAllBytes(lenient))), "policy sha256 in the evidence");
    }

    private static String logsVerdict(Path report) throws Exception {
        for (var f : io.tenken.Json.MAPPER.readTree(report.toFile()).get("findings")) {
            if (f.get("ruleId").asText().equals("LOGS-01")) {
                return f.get("status").asText();
            }
        }
        throw new AssertionError("no LOGS-01 finding");
    }
}
