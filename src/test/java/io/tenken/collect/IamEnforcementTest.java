package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.CollectionError;
import io.tenken.snapshot.Snapshot;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The shipped scan policy is enough, and the scanner fails closed without it: moto enforces
 * IAM after {@code POST /moto-api/reset-auth} with body {@code 0}.
 */
@ExtendWith(MotoServerExtension.class)
class IamEnforcementTest {
    /**
     * The shipped policy plus the action names moto checks where they differ from AWS's
     * (test-only: {@code src/test/resources/iam/moto-compat-statement.json}).
     */
    static String scanPolicy() throws Exception {
        try (InputStream in = IamEnforcementTest.class.getResourceAsStream("/iam/tenken-scan-policy.json");
             InputStream compat = IamEnforcementTest.class.getResourceAsStream("/iam/moto-compat-statement.json")) {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var doc = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(in);
            ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("Statement")).add(mapper.readTree(compat));
            return mapper.writeValueAsString(doc);
        }
    }

    /** Creates a user with only {@code policy}; returns its credentials. Call before enforcing. */
    static StaticCredentialsProvider scanner(String name, String policy) {
        IamClient iam = Moto.client(IamClient.builder(), "us-east-1");
        iam.createUser(r -> r.userName(name));
        iam.putUserPolicy(r -> r.userName(name).policyName("scan").policyDocument(policy));
        var key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    @Test
    void scanWithOnlyTheShippedPolicySucceeds() throws Exception {
        GenuSeed.seed(GenuSeed.Profile.HARDENED);
        var creds = scanner("tenken-scanner", scanPolicy());
        try (BedrockGuardrailStub stub = BedrockGuardrailStub.withGuardrail()) {
            MotoServerExtension.enforceIam(true);
            Snapshot s = new Scanner().scan(Moto.options(stub.endpoint(), "ap-northeast-1", "us-east-1")
                    .credentialsProvider(creds).build());
            MotoServerExtension.enforceIam(false);

            assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
            assertTrue(s.getCallerArn().endsWith(":user/tenken-scanner"));
            s.getServices().forEach((k, v) -> assertEquals("COMPLETE", v.getStatus(), k));
            assertFalse(s.getFacts().getUserPools().isEmpty());
            assertFalse(s.getFacts().getBuckets().isEmpty());
            assertFalse(s.getFacts().getTrails().isEmpty());
            assertFalse(s.getFacts().getIamPrincipals().isEmpty());
        } finally {
            MotoServerExtension.enforceIam(false);
        }
    }

    @Test
    void deniedServiceBecomesCollectionErrors() throws Exception {
        GenuSeed.seed(GenuSeed.Profile.DEFAULT);
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(scanPolicy());
        var statements = (com.fasterxml.jackson.databind.node.ArrayNode) doc.get("Statement");
        for (int i = statements.size() - 1; i >= 0; i--) {
            if ("TenkenCognito".equals(statements.get(i).get("Sid").asText())) {
                statements.remove(i);
            }
        }
        String withoutCognito = doc.toString();
        var creds = scanner("no-cognito", withoutCognito);
        try (BedrockGuardrailStub stub = BedrockGuardrailStub.empty()) {
            MotoServerExtension.enforceIam(true);
            Snapshot s = new Scanner().scan(Moto.options(stub.endpoint(), "ap-northeast-1")
                    .credentialsProvider(creds).build());
            MotoServerExtension.enforceIam(false);

            List<CollectionError> cognito = s.getErrors().stream().filter(e -> e.getService().equals("cognito-idp")).toList();
            assertFalse(cognito.isEmpty(), () -> ScanTestSupport.describe(s.getErrors()));
            assertTrue(cognito.stream().allMatch(e -> Errors.isAccessDenied(e.getErrorCode())),
                    () -> ScanTestSupport.describe(cognito));
            assertEquals("ap-northeast-1", cognito.get(0).getRegion());
            assertEquals("ListUserPools", cognito.get(0).getOperation());
            assertEquals("FAILED", s.getServices().get("cognito-idp").getStatus());
            assertTrue(s.getFacts().getUserPools().isEmpty());
            // Other services are unaffected (wafv2 also lists user pools for associations: denied there too).
            assertEquals("COMPLETE", s.getServices().get("s3").getStatus(), () -> ScanTestSupport.describe(s.getErrors()));
            assertTrue(s.getErrors().stream().allMatch(e -> e.getService().equals("cognito-idp")
                    || e.getOperation().startsWith("cognito-idp:")), () -> ScanTestSupport.describe(s.getErrors()));
        } finally {
            MotoServerExtension.enforceIam(false);
        }
    }
}
