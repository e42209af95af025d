package io.tenken.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.AclGrant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcePoliciesTest {
    static final String ME = "123456789012";
    static final List<String> KNOWN = List.of(ME);

    static String policy(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
    }

    @Test
    void principalStarWithoutConditionIsPublic() {
        var e = ResourcePolicies.exposure(policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"), KNOWN);
        assertTrue(e.isPublic());
        assertTrue(ResourcePolicies.exposure(policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::" + ME
                + ":root\",\"*\"]},\"Action\":\"kms:*\",\"Resource\":\"*\"}"), KNOWN).isPublic());
        assertTrue(ResourcePolicies.exposure(policy("{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::" + ME
                + ":root\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}"), KNOWN).isPublic(), "NotPrincipal: everyone else");
    }

    @Test
    void narrowingConditionsCloseIt() {
        for (String cond : List.of(
                "{\"StringEquals\":{\"aws:PrincipalAccount\":\"" + ME + "\"}}",
                "{\"StringEquals\":{\"kms:CallerAccount\":\"" + ME + "\",\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\"}}",
                "{\"StringEquals\":{\"AWS:PrincipalOrgID\":\"o-abc123\"}}",
                "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:cloudfront::" + ME + ":distribution/E1\"}}",
                "{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1a2b\"}}")) {
            var e = ResourcePolicies.exposure(policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":"
                    + cond + "}"), KNOWN);
            assertTrue(e.isClosed(), cond + " -> " + e);
        }
    }

    @Test
    void conditionsThatDoNotNarrowLeaveItPublic() {
        for (String cond : List.of(
                "{\"StringEquals\":{\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\"}}",
                "{\"StringLike\":{\"aws:PrincipalAccount\":\"*\"}}",
                "{\"StringEqualsIfExists\":{\"aws:PrincipalAccount\":\"" + ME + "\"}}",
                "{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}",
                "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}")) {
            var e = ResourcePolicies.exposure(policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":"
                    + cond + "}"), KNOWN);
            assertTrue(e.isPublic(), cond);
        }
    }

    @Test
    void otherAccountsAreUnknownUnlessTrusted() {
        String doc = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::999999999999:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}");
        var e = ResourcePolicies.exposure(doc, KNOWN);
        assertFalse(e.isPublic());
        assertEquals(1, e.unknownAccounts().size());
        assertTrue(ResourcePolicies.exposure(doc, List.of(ME, "999999999999")).isClosed());
        var narrowedElsewhere = ResourcePolicies.exposure(policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"888888888888\"}}}"), KNOWN);
        assertFalse(narrowedElsewhere.isPublic());
        assertTrue(narrowedElsewhere.unknownAccounts().get(0).toString().contains("888888888888"));
        assertTrue(ResourcePolicies.exposure(policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ME
                + "\"},\"Action\":\"*\",\"Resource\":\"*\"}"), KNOWN).isClosed(), "a bare account id of this account");
    }

    @Test
    void servicePrincipalsAndDeniesAreNotGrantsToOthers() {
        assertTrue(ResourcePolicies.exposure(policy("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
                + "\"Action\":\"s3:PutObject\",\"Resource\":\"*\"}"), KNOWN).isClosed());
        assertTrue(ResourcePolicies.exposure(policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}"), KNOWN).isClosed());
        assertTrue(ResourcePolicies.exposure(null, KNOWN).isClosed());
    }

    @Test
    void unparseableDocumentsAreReported() {
        var e = ResourcePolicies.exposure("{not json", KNOWN);
        assertNotNull(e.unreadable());
        assertFalse(e.isClosed());
    }

    @Test
    void aclGrants() {
        AclGrant owner = AclGrant.builder().granteeType("CanonicalUser").granteeId("own").permission("FULL_CONTROL").build();
        AclGrant all = AclGrant.builder().granteeType("Group").granteeUri(ResourcePolicies.ALL_USERS).permission("READ").build();
        AclGrant auth = AclGrant.builder().granteeType("Group").granteeUri(ResourcePolicies.AUTHENTICATED_USERS).permission("WRITE").build();
        AclGrant logs = AclGrant.builder().granteeType("Group").granteeUri(ResourcePolicies.LOG_DELIVERY).permission("WRITE").build();
        AclGrant cf = AclGrant.builder().granteeType("CanonicalUser").granteeId(ResourcePolicies.CLOUDFRONT_LOG_DELIVERY)
                .permission("FULL_CONTROL").build();
        AclGrant other = AclGrant.builder().granteeType("CanonicalUser").granteeId("someone-else").permission("READ").build();
        assertTrue(ResourcePolicies.aclExposure(List.of(owner, logs, cf), "own").isClosed());
        assertEquals(2, ResourcePolicies.aclExposure(List.of(owner, all, auth), "own").everyone().size());
        assertEquals(1, ResourcePolicies.aclExposure(List.of(owner, other), "own").unknownAccounts().size());
        assertTrue(ResourcePolicies.aclExposure(null, null).isClosed(), "ACLs disabled: not read, grant nothing");
    }
}
