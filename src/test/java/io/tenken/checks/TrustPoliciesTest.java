package io.tenken.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustPoliciesTest {
    static final List<String> KNOWN = List.of("123456789012");

    static String trust(String principal, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":\"sts:AssumeRole\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    @Test
    void serviceRoleWithoutSourceConditionFails() {
        var c = TrustPolicies.confusedDeputy(trust("{\"Service\":\"lambda.amazonaws.com\"}", null), KNOWN);
        assertTrue(c.isServiceRole());
        assertEquals(1, c.unguarded().size());
        assertTrue(c.unguarded().get(0).toString().contains("lambda.amazonaws.com"));
    }

    @Test
    void sourceAccountOrArnOfAKnownAccountPasses() {
        assertEquals(List.of(), TrustPolicies.confusedDeputy(trust("{\"Service\":\"bedrock.amazonaws.com\"}",
                "{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}"), KNOWN).unguarded());
        assertEquals(List.of(), TrustPolicies.confusedDeputy(trust("{\"Service\":[\"bedrock.amazonaws.com\"]}",
                "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:bedrock:us-east-1:123456789012:knowledge-base/*\"}}"), KNOWN).unguarded());
        assertEquals(List.of(), TrustPolicies.confusedDeputy(trust("{\"Service\":\"cloudtrail.amazonaws.com\"}",
                "{\"StringEquals\":{\"aws:SourceOrgID\":\"o-abc123\"}}"), KNOWN).unguarded());
    }

    @Test
    void weakOrForeignConditionsFail() {
        assertFalse(TrustPolicies.confusedDeputy(trust("{\"Service\":\"bedrock.amazonaws.com\"}",
                "{\"StringEquals\":{\"aws:SourceAccount\":\"999999999999\"}}"), KNOWN).unguarded().isEmpty());
        assertFalse(TrustPolicies.confusedDeputy(trust("{\"Service\":\"bedrock.amazonaws.com\"}",
                "{\"StringLike\":{\"aws:SourceArn\":\"*\"}}"), KNOWN).unguarded().isEmpty());
        assertFalse(TrustPolicies.confusedDeputy(trust("{\"Service\":\"bedrock.amazonaws.com\"}",
                "{\"StringEqualsIfExists\":{\"aws:SourceAccount\":\"123456789012\"}}"), KNOWN).unguarded().isEmpty());
        assertFalse(TrustPolicies.confusedDeputy(trust("{\"Service\":\"bedrock.amazonaws.com\"}",
                "{\"StringEquals\":{\"aws:PrincipalTag/x\":\"y\"}}"), KNOWN).unguarded().isEmpty());
    }

    @Test
    void notAServiceRoleOrExempt() {
        var user = TrustPolicies.confusedDeputy(trust("{\"AWS\":\"arn:aws:iam::123456789012:root\"}", null), KNOWN);
        assertFalse(user.isServiceRole());
        var eks = TrustPolicies.confusedDeputy(trust("{\"Service\":\"eks.amazonaws.com\"}", null), KNOWN);
        assertTrue(eks.isServiceRole());
        assertEquals(List.of(), eks.unguarded());
        assertFalse(TrustPolicies.isServiceRole(null));
    }
}
