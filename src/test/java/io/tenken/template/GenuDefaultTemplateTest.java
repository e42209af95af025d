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
import io.tenken.facts.ApiMethod;
import io.tenken.facts.ApiStage;
import io.tenken.facts.LambdaFunction;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.Snapshot;
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
    /** The day the assembly is judged: after nodejs20.x's deprecation (2026-04-30). */
    static final java.time.LocalDate AS_OF = java.time.LocalDate.of(2026, 11, 30);
    static Snapshot snapshot;
    static Report report;

    @BeforeAll
    static void evaluate() throws Exception {
        snapshot = TemplateSource.snapshot(List.of(ASSEMBLY), null, AS_OF);
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
        var s = snapshot;
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
    void apiGatewayMethodsCarryTheirAuthorizersPathsAndFunctions() {
        List<ApiMethod> methods = snapshot.getFacts().getApiMethods();
        assertEquals(80, methods.size());
        // 39 CORS preflights without authorizer; 41 methods behind GenU's four Cognito authorizers.
        Map<String, Long> byAuthorizer = methods.stream().collect(Collectors.groupingBy(
                m -> m.getAuthorizationType() + " " + m.getAuthorizerId() + " " + m.getAuthorizerType(), Collectors.counting()));
        assertEquals(Map.of(
                "NONE null null", 39L,
                "COGNITO_USER_POOLS GenerativeAiUseCasesStack/APIAuthorizer9DCC037B COGNITO_USER_POOLS", 27L,
                "COGNITO_USER_POOLS GenerativeAiUseCasesStack/UseCaseBuilderAuthorizer8C07733E COGNITO_USER_POOLS", 10L,
                "COGNITO_USER_POOLS GenerativeAiUseCasesStack/TranscribeAuthorizerAD1EA74B COGNITO_USER_POOLS", 3L,
                "COGNITO_USER_POOLS GenerativeAiUseCasesStack/SpeechToSpeechAuthorizerF61277A4 COGNITO_USER_POOLS", 1L),
                byAuthorizer);
        assertTrue(methods.stream().allMatch(m -> "OPTIONS".equals(m.getHttpMethod()) == "NONE".equals(m.getAuthorizationType())));
        ApiMethod predict = methods.stream().filter(m -> m.getResourceId().equals("GenerativeAiUseCasesStack/APIApipredictPOST376D7D2E"))
                .findFirst().orElseThrow();
        assertEquals("/predict", predict.getPath());
        assertEquals("POST", predict.getHttpMethod());
        assertEquals("Api", predict.getApiName());
        assertEquals("AWS_PROXY", predict.getIntegrationType());
        assertEquals("GenerativeAiUseCasesStack/APIPredict09E4E4FF", predict.getLambdaFunctionArn());
        assertTrue(methods.stream().anyMatch(m -> "/chats/{chatId}/messages".equals(m.getPath()) && "GET".equals(m.getHttpMethod())));
        assertEquals(41, methods.stream().filter(m -> m.getLambdaFunctionArn() != null).count());
        // Every authorized method passes; every preflight passes as such.
        assertEquals(Map.of(Status.PASS, 80L), statuses("APIGW-01"));
        Finding rootPreflight = of("APIGW-01").stream()
                .filter(f -> f.resourceId().equals("GenerativeAiUseCasesStack/APIApiOPTIONSE134DC36")).findFirst().orElseThrow();
        assertEquals("GenerativeAiUseCasesStack/API/Api/Default/OPTIONS/Resource", rootPreflight.location().cdkPath());
    }

    @Test
    void theApiStageHasNoWafNoExecutionLoggingAndNoAccessLogs() {
        List<ApiStage> stages = snapshot.getFacts().getApiStages();
        assertEquals(1, stages.size());
        ApiStage api = stages.get(0);
        assertEquals("api", api.getStageName());
        assertEquals("Api", api.getApiName());
        assertEquals("GenerativeAiUseCasesStack/APIApiDeploymentStageapiCD55D117", api.getResourceId());
        for (String rule : List.of("APIGW-02", "APIGW-03", "APIGW-04")) {
            assertEquals(Map.of(Status.FAIL, 1L), statuses(rule), rule);
            assertEquals(api.getResourceId(), of(rule).get(0).resourceId());
        }
        assertTrue(of("APIGW-04").get(0).location().defaults().contains("AccessLogSetting absent = no access logs (service default)"));
        // GenU defines no alarms: whether the account has one is not in a template, never FAIL or PASS.
        assertTrue(of("MONITORING-01").stream().allMatch(f -> f.status() == Status.ERROR));
    }

    @Test
    void lambdaFunctionsCarryRuntimesRolesAndTheirPermissionsAsResourcePolicies() throws Exception {
        List<LambdaFunction> functions = snapshot.getFacts().getLambdaFunctions();
        assertEquals(50, functions.size());
        assertEquals(Map.of("nodejs22.x", 46L, "nodejs20.x", 3L, "python3.11", 1L), functions.stream()
                .collect(Collectors.groupingBy(LambdaFunction::getRuntime, Collectors.counting())));
        LambdaFunction predict = functions.stream().filter(f -> f.getArn().equals("GenerativeAiUseCasesStack/APIPredict09E4E4FF"))
                .findFirst().orElseThrow();
        assertEquals("GenerativeAiUseCasesStack/APIPredictServiceRole6B8A4E2C", predict.getRoleArn());
        assertEquals("Zip", predict.getPackageType());
        // Two Lambda::Permission resources (the stage and test-invoke) become the function's policy.
        JsonNode policy = Json.MAPPER.readTree(predict.getPolicyJson());
        assertEquals(2, policy.path("Statement").size());
        JsonNode first = policy.path("Statement").get(0);
        assertEquals("apigateway.amazonaws.com", first.path("Principal").path("Service").asText());
        assertEquals("lambda:InvokeFunction", first.path("Action").asText());
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:GenerativeAiUseCasesStack/APIApiFFA96F67/api/POST/predict",
                first.path("Condition").path("ArnLike").path("AWS:SourceArn").asText());
        assertEquals(41, functions.stream().filter(f -> f.getPolicyJson() != null).count());
        // Every permission names API Gateway with a source ARN: none is public.
        assertEquals(Map.of(Status.PASS, 50L), statuses("LAMBDA-02"));
        // The CDK custom-resource handlers on nodejs20.x are past its deprecation date.
        assertEquals(Map.of(Status.PASS, 47L, Status.FAIL, 3L), statuses("LAMBDA-01"));
        assertTrue(of("LAMBDA-01").stream().filter(f -> f.status() == Status.FAIL)
                .allMatch(f -> f.resourceId().contains("CustomS3AutoDeleteObjects") || f.resourceId().contains("NodejsBuild")));
    }

    @Test
    void dynamoDbTablesFailPointInTimeRecoveryAndDeletionProtection() {
        for (String rule : List.of("DYNAMODB-01", "DYNAMODB-02")) {
            assertEquals(List.of("GenerativeAiUseCasesStack/DatabaseStatsTable9C709761",
                    "GenerativeAiUseCasesStack/DatabaseTableF104A135",
                    "GenerativeAiUseCasesStack/UseCaseBuilderUseCaseBuilderTable449740F3"),
                    of(rule).stream().filter(f -> f.status() == Status.FAIL).map(Finding::resourceId).sorted().toList(), rule);
        }
        // No WAF at all in the default: the user pool has none either.
        assertEquals(Map.of(Status.FAIL, 1L), statuses("COGNITO-10"));
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
        for (JsonNode f : r.path("findings")) {
            String rule = f.path("ruleId").asText();
            if (rule.startsWith("SECURITY-")) {
                assertEquals("FAIL", f.path("status").asText(), "the account's security services are judged: " + f);
            }
            if (rule.equals("MONITORING-02")) {
                // The default account has no alarm of any name: whatever names GenU's functions get, none is watched.
                assertEquals("FAIL", f.path("status").asText(), f.toString());
            }
        }
    }

    @Test
    void accountAlarmsOnDeployedNamesCannotBeMatchedToFunctionsWithoutFunctionName() throws Exception {
        // The hardened account has an Errors alarm on each deployed GenU function, by its deployed name
        // (in ap-northeast-1; here the account that the assembly deploys to, us-east-1).
        var hardened = io.tenken.pipeline.Sources.bundled("demo/genu-hardened.snapshot.json").load().snapshot();
        var alarms = hardened.getFacts().getMetricAlarms().stream().map(a -> a.toBuilder().region("us-east-1").build()).toList();
        var live = new LoadedSnapshot(hardened.toBuilder().facts(hardened.getFacts().toBuilder().metricAlarms(alarms).build())
                .build(), "1".repeat(64));
        Report r = Analysis.prepare(AnalysisConfig.defaults())
                .report(new LoadedSnapshot(TemplateSource.snapshot(List.of(ASSEMBLY), live, AS_OF), "0".repeat(64)));
        List<Finding> f = r.findings().stream().filter(x -> x.ruleId().equals("MONITORING-02")).toList();
        assertEquals(List.of(Status.ERROR), f.stream().map(Finding::status).distinct().toList(), f.toString());
        String why = r.text(f.get(0).observed());
        assertTrue(why.contains("name unknown") && why.contains("no FunctionName: CloudFormation generates the name at deployment"),
                why);
    }
}
