package io.tenken.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.Json;
import io.tenken.cli.CliRun;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.Status;
import io.tenken.pipeline.Analysis;
import io.tenken.pipeline.AnalysisConfig;
import io.tenken.report.FormatsTest;
import io.tenken.report.ReportOutputTest;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.SnapshotWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance of issue 10 on the real GenU 4.3.2 default cloud assembly
 * ({@code src/test/resources/template/genu/default}, a copy of shared/genu/default).
 */
class GenuDefaultTemplateTest {
    static final Path ASSEMBLY = Path.of("src/test/resources/template/genu/default");
    static Report report;

    @BeforeAll
    static void evaluate() throws Exception {
        var snapshot = TemplateSource.snapshot(List.of(ASSEMBLY), null);
        report = Analysis.prepare(AnalysisConfig.defaults())
                .report(new LoadedSnapshot(snapshot, "0".repeat(64)));
    }

    static List<Finding> of(String ruleId) {
        return report.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    static Map<Status, Long> statuses(String ruleId) {
        return of(ruleId).stream().collect(Collectors.groupingBy(Finding::status, Collectors.counting()));
    }

    @Test
    void cognitoDefaultsFail() {
        for (String rule : List.of("COGNITO-01", "COGNITO-02", "COGNITO-03", "COGNITO-07", "COGNITO-08", "COGNITO-06")) {
            assertEquals(Map.of(Status.FAIL, 1L), statuses(rule), rule);
        }
        Finding mfa = of("COGNITO-02").get(0);
        assertEquals("GenerativeAiUseCasesStack/AuthUserPool8115E87F", mfa.resourceId());
        assertTrue(mfa.location().defaults().contains("MfaConfiguration absent = OFF (service default)"),
                mfa.location().defaults().toString());
        assertTrue(report.text(of("COGNITO-03").get(0).observed()).contains("RequireLowercase=false"), report.text(of("COGNITO-03").get(0).observed()));
        assertTrue(report.text(of("COGNITO-06").get(0).observed()).contains("ID 1440 min"), report.text(of("COGNITO-06").get(0).observed()));
    }

    @Test
    void cloudFrontHasNoWafAndAcceptsTlsV1() {
        assertEquals(Map.of(Status.FAIL, 1L), statuses("WAF-02"));
        assertEquals(Map.of(Status.FAIL, 1L), statuses("CLOUDFRONT-01"));
        assertTrue(report.text(of("CLOUDFRONT-01").get(0).observed()).contains("MinimumProtocolVersion=TLSv1"));
    }

    @Test
    void nineRolePoliciesFailBedrockLeastPrivilege() {
        List<Finding> fails = of("IAM-01").stream().filter(f -> f.status() == Status.FAIL).toList();
        assertEquals(9, fails.size());
        fails.forEach(f -> assertTrue(report.text(f.observed()).contains("bedrock:*"), report.text(f.observed())));
        assertTrue(of("IAM-01").stream().noneMatch(f -> f.status() == Status.ERROR), "AWS managed policies are known");
    }

    @Test
    void fiftyImplicitLambdaLogGroupsNeverExpire() {
        List<Finding> logs = of("LOGS-01");
        assertEquals(50, logs.size());
        assertTrue(logs.stream().allMatch(f -> f.status() == Status.FAIL && f.resourceId().endsWith("/implicit-log-group")));
    }

    @Test
    void everyBucketPassesEncryptionPublicAccessBlockAndTlsOnly() {
        for (String rule : List.of("S3-01", "S3-04", "S3-05")) {
            assertEquals(Map.of(Status.PASS, 8L), statuses(rule), rule);
        }
        assertTrue(of("S3-01").get(0).location().defaults().stream().anyMatch(d -> d.startsWith("BucketEncryption absent"))
                || of("S3-01").stream().allMatch(f -> report.text(f.observed()).contains("AES256")));
    }

    @Test
    void rulePack2ReadsOwnershipOriginsLoggingAndTrust() {
        // Four buckets are declared with ObjectWriter (ACLs on); the others get BucketOwnerEnforced by default.
        assertEquals(Map.of(Status.FAIL, 4L, Status.PASS, 4L), statuses("S3-08"));
        assertEquals(Map.of(Status.PASS, 8L), statuses("S3-09"));
        // The web distribution reaches its bucket through origin access control and logs to a bucket.
        assertEquals(Map.of(Status.PASS, 1L), statuses("CLOUDFRONT-02"));
        assertEquals(Map.of(Status.PASS, 1L), statuses("CLOUDFRONT-03"));
        // CDK's Lambda roles trust lambda.amazonaws.com without a source condition.
        assertTrue(of("IAM-09").stream().anyMatch(f -> f.status() == Status.FAIL), statuses("IAM-09").toString());
    }

    @Test
    void dynamoDbTablesAndIdentityPoolAreFactsWithTheirDefaults() {
        var s = TemplateSource.snapshot(List.of(ASSEMBLY), null);
        assertEquals(3, s.getFacts().getDynamoTables().size());
        assertTrue(s.getFacts().getDynamoTables().stream().allMatch(t -> !t.isDeletionProtection()
                && "DISABLED".equals(t.getPointInTimeRecovery())));
        assertTrue(s.getSource().getResources().stream().filter(r -> r.getType().equals("AWS::DynamoDB::Table"))
                .allMatch(r -> r.getDefaults().contains("DeletionProtectionEnabled absent = false (service default)")));
        var pool = s.getFacts().getIdentityPools().get(0);
        assertEquals(List.of("cognito-idp.us-east-1.amazonaws.com/GenerativeAiUseCasesStack/AuthUserPool8115E87F"),
                pool.getCognitoProviders(), "the provider names the user pool of the same run");
    }

    @Test
    void accountLevelChecksAreNeverPass() {
        for (String rule : List.of("CLOUDTRAIL-01", "CLOUDTRAIL-02", "BEDROCK-01", "S3-03", "IAM-04", "IAM-06")) {
            assertTrue(of(rule).stream().noneMatch(f -> f.status() == Status.PASS), rule);
            assertTrue(of(rule).stream().allMatch(f -> f.status() == Status.ERROR), rule + " " + statuses(rule));
        }
    }

    @Test
    void everyFindingPointsAtItsTemplate() {
        for (Finding f : report.findings()) {
            assertTrue(f.location() != null && f.location().line() >= 1 && f.location().file().endsWith(".template.json"),
                    f.ruleId() + " " + f.resourceId());
        }
        Finding waf = of("WAF-02").get(0);
        assertEquals("GenerativeAiUseCasesStack/Api/Web/CloudFrontDistribution/Resource", waf.location().cdkPath());
        assertEquals("src/test/resources/template/genu/default/GenerativeAiUseCasesStack.template.json", waf.location().file());
        assertNotEquals(1, waf.location().line());
    }

    @Test
    void cliWritesValidSarifWithFileAndLineOnEveryResultAndSchemaValidJson(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("template", ASSEMBLY.toString(), "--out", dir.toString(), "--format", "json,sarif,markdown,html");
        assertEquals(3, run.exitCode(), run.out() + run.err());
        byte[] sarif = Files.readAllBytes(dir.resolve("report.sarif"));
        FormatsTest.assertValidSarif(sarif);
        JsonNode results = Json.MAPPER.readTree(sarif).path("runs").get(0).path("results");
        assertTrue(results.size() > 80);
        for (JsonNode r : results) {
            JsonNode physical = r.path("locations").get(0).path("physicalLocation");
            assertTrue(physical.path("artifactLocation").path("uri").asText().endsWith(".template.json"), r.toString());
            assertTrue(physical.path("region").path("startLine").asInt() >= 1, r.toString());
        }
        ReportOutputTest.assertConforms(dir.resolve("report.json"));
        JsonNode snapshot = Json.MAPPER.readTree(dir.resolve("snapshot.json").toFile());
        assertEquals("template", snapshot.path("source").path("kind").asText());
        assertTrue(Files.readString(dir.resolve("report.md")).contains("GenerativeAiUseCasesStack/Auth/UserPool/Resource"));
        // The snapshot is evidence: evaluate and verify agree with the template run.
        CliRun verify = CliRun.of("verify", dir.resolve("report.json").toString(), dir.resolve("snapshot.json").toString());
        assertEquals(0, verify.exitCode(), verify.out());
        // Same templates, same bytes.
        Path again = dir.resolve("again");
        CliRun.of("template", ASSEMBLY.toString(), "--out", again.toString(), "--format", "json");
        assertEquals(Files.readString(dir.resolve("report.json")), Files.readString(again.resolve("report.json")));
        assertEquals(Files.readString(dir.resolve("snapshot.json")), Files.readString(again.resolve("snapshot.json")));
    }

    @Test
    void anAccountSnapshotAddsTheAccountLevelFacts(@TempDir Path dir) throws Exception {
        // The bundled default-GenU demo snapshot stands in for the live account (same account id).
        var live = io.tenken.pipeline.Sources.bundled("demo/genu-default.snapshot.json").load();
        Path liveFile = dir.resolve("live.json");
        SnapshotWriter.write(live.snapshot(), liveFile);
        CliRun run = CliRun.of("template", ASSEMBLY.toString(), "--account-snapshot", liveFile.toString(),
                "--out", dir.resolve("out").toString(), "--format", "json");
        JsonNode r = Json.MAPPER.readTree(dir.resolve("out/report.json").toFile());
        assertTrue(run.exitCode() == 1 || run.exitCode() == 3, run.out());
        boolean trailJudged = false;
        for (JsonNode f : r.path("findings")) {
            if (f.path("ruleId").asText().equals("CLOUDTRAIL-01")) {
                trailJudged |= !f.path("observed").asText().startsWith("not in a template");
            }
        }
        assertTrue(trailJudged, "CLOUDTRAIL-01 judged on the account snapshot");
    }
}
