package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.IamPolicy;
import io.tenken.facts.IamPrincipal;
import io.tenken.facts.PolicyStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.iam.IamClient;

@ExtendWith(MotoServerExtension.class)
class IamBedrockCollectorsTest {
    static final String LAMBDA_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},
             "Action":"sts:AssumeRole"}]}""";
    static final String BEDROCK_ALL = """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"bedrock:*","Resource":"*"}}""";

    @Test
    void collectsPrincipalsPoliciesStatementsPasswordPolicyAndCredentialReport() {
        IamClient iam = Moto.client(IamClient.builder(), "us-east-1");
        iam.createRole(r -> r.roleName("genu-predict").assumeRolePolicyDocument(LAMBDA_TRUST));
        iam.putRolePolicy(r -> r.roleName("genu-predict").policyName("bedrock").policyDocument(BEDROCK_ALL));
        String managed = iam.createPolicy(r -> r.policyName("read-logs").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Sid":"Logs","Effect":"Allow","Action":["logs:Get*","logs:Describe*"],
                 "Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"ap-northeast-1"}}}]}""")).policy().arn();
        iam.attachRolePolicy(r -> r.roleName("genu-predict").policyArn(managed));
        iam.createGroup(r -> r.groupName("admins"));
        iam.createUser(r -> r.userName("alice"));
        iam.addUserToGroup(r -> r.groupName("admins").userName("alice"));
        iam.createLoginProfile(r -> r.userName("alice").password("Sup3r-Secret-Pw!"));
        var mfa = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("alice")).virtualMFADevice();
        iam.enableMFADevice(r -> r.userName("alice").serialNumber(mfa.serialNumber())
                .authenticationCode1("123456").authenticationCode2("654321"));
        iam.createUser(r -> r.userName("bob"));
        iam.createAccessKey(r -> r.userName("bob"));
        iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(14).requireSymbols(true).requireNumbers(true)
                .requireUppercaseCharacters(true).requireLowercaseCharacters(true).passwordReusePrevention(24));

        var s = ScanTestSupport.scan(List.of("iam"), "us-east-1");

        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        List<IamPrincipal> ps = s.getFacts().getIamPrincipals();
        IamPrincipal role = ps.stream().filter(p -> p.getName().equals("genu-predict")).findFirst().orElseThrow();
        assertEquals("ROLE", role.getType());
        assertEquals(List.of("lambda.amazonaws.com"), role.getTrustedServices());
        assertEquals(List.of("arn:aws:iam::123456789012:policy/read-logs"),
                role.getAttachedPolicyArns());
        IamPrincipal alice = ps.stream().filter(p -> p.getName().equals("alice")).findFirst().orElseThrow();
        assertEquals(1, alice.getMfaDeviceCount());
        assertEquals(List.of("arn:aws:iam::123456789012:group/admins"), alice.getGroupArns());
        assertTrue(ps.stream().anyMatch(p -> p.getType().equals("GROUP") && p.getName().equals("admins")));

        List<IamPolicy> pols = s.getFacts().getIamPolicies();
        IamPolicy inline = pols.stream().filter(p -> p.getKind().equals("INLINE")).findFirst().orElseThrow();
        assertEquals(role.getArn() + "/inline-policy/bedrock", inline.getArn());
        assertEquals(role.getArn(), inline.getPrincipalArn());
        assertTrue(pols.stream().anyMatch(p -> p.getArn().equals(managed) && p.getKind().equals("CUSTOMER_MANAGED")));
        assertTrue(pols.stream().filter(p -> p.getKind().equals("AWS_MANAGED")).count() < 5,
                "AWS managed policies nobody uses are not collected");

        PolicyStatement st = s.getFacts().getPolicyStatements().stream()
                .filter(x -> x.getPolicyArn().equals(inline.getArn())).findFirst().orElseThrow();
        assertEquals("Allow", st.getEffect());
        assertEquals(List.of("bedrock:*"), st.getActions());
        assertEquals(List.of("*"), st.getResources());
        assertFalse(st.isConditional());
        PolicyStatement cond = s.getFacts().getPolicyStatements().stream()
                .filter(x -> x.getPolicyArn().equals(managed)).findFirst().orElseThrow();
        assertEquals("Logs", cond.getSid());
        assertTrue(cond.isConditional());
        assertEquals(List.of("logs:Get*", "logs:Describe*"), cond.getActions());

        var pp = s.getFacts().getAccountSettings().getIamPasswordPolicy();
        assertNotNull(pp);
        assertEquals(14, pp.getMinimumPasswordLength());
        assertTrue(pp.isRequireSymbols());
        assertEquals(24, pp.getPasswordReusePrevention());

        var rows = s.getFacts().getCredentialReportRows();
        var a = rows.stream().filter(r -> "alice".equals(r.getUser())).findFirst().orElseThrow();
        assertTrue(a.isPasswordEnabled());
        assertTrue(a.isMfaActive());
        var b = rows.stream().filter(r -> "bob".equals(r.getUser())).findFirst().orElseThrow();
        assertTrue(b.isAccessKey1Active());
        assertFalse(b.isPasswordEnabled());
        assertNull(b.getAccessKey1LastUsed());
    }

    @Test
    void noPasswordPolicyIsAFactNotAnError() {
        var s = ScanTestSupport.scan(List.of("iam"), "us-east-1");
        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        assertNull(s.getFacts().getAccountSettings().getIamPasswordPolicy());
    }

    /** Guardrail APIs come from {@link BedrockGuardrailStub}: moto answers ListGuardrails/GetGuardrail with 500. */
    @Test
    void collectsInvocationLoggingAndGuardrails() {
        BedrockClient bedrock = Moto.client(BedrockClient.builder(), "us-east-1");
        bedrock.putModelInvocationLoggingConfiguration(r -> r.loggingConfig(l -> l.textDataDeliveryEnabled(true)
                .cloudWatchConfig(c -> c.logGroupName("/bedrock/invocations")
                        .roleArn("arn:aws:iam::123456789012:role/bedrock-logging"))));
        try (BedrockGuardrailStub stub = BedrockGuardrailStub.withGuardrail()) {
            var s = new Scanner().scan(Moto.options(stub.endpoint(), "ap-northeast-1", "us-east-1")
                    .services(List.of("bedrock")).build());

            assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
            var cfg = s.getFacts().getBedrockLoggingConfigs();
            assertEquals(List.of("ap-northeast-1", "us-east-1"), cfg.stream().map(c -> c.getRegion()).toList());
            assertFalse(cfg.get(0).isConfigured(), "no configuration in Tokyo is a fact");
            assertTrue(cfg.get(1).isConfigured());
            assertEquals("/bedrock/invocations", cfg.get(1).getCloudWatchLogGroupName());
            assertTrue(cfg.get(1).isTextDataDelivery());
            assertTrue(cfg.get(1).isHasDestination());

            var g = s.getFacts().getGuardrails();
            assertEquals(2, g.size(), "the stub answers in both regions");
            var gr = g.get(0);
            assertEquals(BedrockGuardrailStub.GUARDRAIL_ID, gr.getId());
            assertEquals("READY", gr.getStatus());
            assertTrue(gr.getContentFilters().stream().anyMatch(f -> f.getType().equals("PROMPT_ATTACK")
                    && f.getInputStrength().equals("HIGH")));
            // NAME is detect-only (action NONE): it masks nothing, so it does not count as a filter.
            assertEquals(List.of("EMAIL:ANONYMIZE", "PHONE:BLOCK"), gr.getPiiEntityTypes());
            assertEquals(1, gr.getRegexFilterCount());
            assertNotNull(gr.getKmsKeyArn());
            assertEquals(List.of("ap-northeast-1", "us-east-1"), s.getFacts().getAccountSettings().getBedrockRegionsInUse());
        }
    }
}
