package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tenken.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenken scan} end to end against moto: seed a GenU-like deployment, scan it through the
 * CLI, and check the findings. The endpoint is a {@link BedrockGuardrailStub} front (moto lacks
 * Bedrock ListGuardrails/GetGuardrail); everything else is proxied to moto unchanged.
 */
@ExtendWith(MotoServerExtension.class)
class ScanEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode findings(Path dir) throws Exception {
        return JSON.readTree(dir.resolve("report.json").toFile()).get("findings");
    }

    static Set<String> statuses(JsonNode findings, String ruleId) {
        Set<String> out = new TreeSet<>();
        findings.forEach(f -> {
            if (ruleId.equals(f.get("ruleId").asText())) {
                out.add(f.get("status").asText());
            }
        });
        return out;
    }

    private static CliRun scan(String endpoint, Path out, String... extra) {
        return scanAs("testing", "testing", endpoint, out, extra);
    }

    /** The CLI uses the SDK's default credentials chain; system properties come first in it. */
    private static CliRun scanAs(String key, String secret, String endpoint, Path out, String... extra) {
        String oldKey = System.getProperty("aws.accessKeyId");
        String oldSecret = System.getProperty("aws.secretAccessKey");
        try {
            System.setProperty("aws.accessKeyId", key);
            System.setProperty("aws.secretAccessKey", secret);
            return run(endpoint, out, extra);
        } finally {
            restore("aws.accessKeyId", oldKey);
            restore("aws.secretAccessKey", oldSecret);
        }
    }

    private static CliRun run(String endpoint, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", endpoint,
                "--region", "ap-northeast-1", "--region", "us-east-1", "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void genuDefaultsFail(@TempDir Path dir) throws Exception {
        GenuSeed.seed(GenuSeed.Profile.DEFAULT);
        Path out = dir.resolve("default");
        CliRun run;
        try (BedrockGuardrailStub stub = BedrockGuardrailStub.empty()) {
            run = scan(stub.endpoint().toString(), out);
        }
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(Files.exists(out.resolve("snapshot.json")));
        assertTrue(Files.exists(out.resolve("report.html")));
        JsonNode f = findings(out);
        for (String rule : List.of("COGNITO-01", "COGNITO-02", "CLOUDTRAIL-01", "LOGS-01", "BEDROCK-01", "S3-01",
                "APIGW-02", "APIGW-03", "APIGW-04", "COGNITO-10", "DYNAMODB-01", "DYNAMODB-02", "MONITORING-01",
                "MONITORING-02", "SECURITY-01", "SECURITY-02", "SECURITY-04", "SECURITY-05")) {
            assertEquals(Set.of("FAIL"), statuses(f, rule), rule + "\n" + run.out());
        }
        assertFalse(statuses(f, "WAF-01").contains("PASS"), "GenU default has no WAF");

        // The written snapshot re-evaluates offline to the same findings.
        Path again = dir.resolve("again");
        CliRun eval = CliRun.of("evaluate", out.resolve("snapshot.json").toString(), "--out", again.toString());
        assertEquals(1, eval.exitCode(), eval.out() + eval.err());
        assertEquals(findings(out), findings(again));
    }

    @Test
    void hardenedPasses(@TempDir Path dir) throws Exception {
        GenuSeed.seed(GenuSeed.Profile.HARDENED);
        Path out = dir.resolve("hardened");
        CliRun run;
        try (BedrockGuardrailStub stub = BedrockGuardrailStub.withGuardrail()) {
            run = scan(stub.endpoint().toString(), out);
        }
        JsonNode f = findings(out);
        for (String rule : List.of("COGNITO-01", "COGNITO-02", "COGNITO-03", "CLOUDTRAIL-01", "LOGS-01", "BEDROCK-01",
                "S3-01", "S3-04", "S3-05", "S3-06", "WAF-01", "WAF-06", "CLOUDTRAIL-04", "APIGW-01", "APIGW-02",
                "APIGW-03", "APIGW-04", "COGNITO-10", "COGNITO-11", "COGNITO-12", "DYNAMODB-01", "DYNAMODB-02",
                "LAMBDA-01", "LAMBDA-02", "MONITORING-01", "MONITORING-02")) {
            assertEquals(Set.of("PASS"), statuses(f, rule), rule + "\n" + run.out() + run.err());
        }
        assertEquals(0, run.exitCode(), run.out() + run.err());
    }

    /** Cognito denied by IAM (moto enforcing): ERROR findings for it, none PASS, exit 3. */
    @Test
    void deniedServiceIsErrorAndExit3(@TempDir Path dir) throws Exception {
        GenuSeed.seed(GenuSeed.Profile.HARDENED);
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(IamEnforcementTest.scanPolicy());
        ArrayNode st = (ArrayNode) doc.get("Statement");
        for (int i = st.size() - 1; i >= 0; i--) {
            if ("TenkenCognito".equals(st.get(i).get("Sid").asText())) {
                st.remove(i);
            }
        }
        var creds = IamEnforcementTest.scanner("no-cognito", doc.toString()).resolveCredentials();
        Path out = dir.resolve("denied");
        CliRun run;
        try {
            MotoServerExtension.enforceIam(true);
            // Straight to moto: SigV4 signatures do not survive the WireMock proxy (Bedrock guardrails then 500: ERROR too).
            run = scanAs(creds.accessKeyId(), creds.secretAccessKey(), MotoServerExtension.endpoint().toString(), out);
        } finally {
            MotoServerExtension.enforceIam(false);
        }
        assertEquals(3, run.exitCode(), run.out() + run.err());
        JsonNode f = findings(out);
        List<String> cognitoStatuses = new ArrayList<>();
        f.forEach(x -> {
            if ("cognito-idp".equals(x.get("service").asText())) {
                cognitoStatuses.add(x.get("status").asText());
            }
        });
        assertFalse(cognitoStatuses.isEmpty());
        assertEquals(Set.of("ERROR"), new TreeSet<>(cognitoStatuses), run.out());
        // Services the policy allows are still judged.
        assertEquals(Set.of("PASS"), statuses(f, "LOGS-01"), run.out());
        assertEquals(Set.of("PASS"), statuses(f, "CLOUDTRAIL-01"), run.out());
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void printsTheScanPolicy() throws Exception {
        CliRun run = CliRun.of("scan", "--print-iam-policy");
        assertEquals(0, run.exitCode());
        try (var in = ScanEndToEndTest.class.getResourceAsStream("/iam/tenken-scan-policy.json")) {
            assertEquals(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), run.out());
        }
    }

    @Test
    void badRegionIsAnInputError(@TempDir Path dir) {
        CliRun run = CliRun.of("scan", "--region", "tokyo", "--out", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--region"), run.err());
    }
}
