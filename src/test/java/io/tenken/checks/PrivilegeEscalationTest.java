package io.tenken.checks;

import static io.tenken.checks.IamGrantsTest.allow;
import static io.tenken.checks.IamGrantsTest.deny;
import static io.tenken.checks.IamGrantsTest.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.IamPrincipal;
import io.tenken.facts.PolicyStatement;
import io.tenken.policy.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegeEscalationTest {
    static final List<String> ADMINS = Policy.defaults().getAdministratorPrincipalPatterns();

    static PrivilegeEscalation.Result check(String roleName, PolicyStatement... stmts) {
        IamGrantsTest.World w = new IamGrantsTest.World();
        IamPrincipal p = w.role(roleName, List.of());
        w.inline(p.getArn(), "p", stmts);
        return PrivilegeEscalation.check(w.effective(p), ADMINS);
    }

    @Test
    void singleActionPathsFail() {
        var r = check("app", allow(List.of("iam:CreatePolicyVersion"), List.of("arn:aws:iam::123456789012:policy/x")));
        assertFalse(r.compliant());
        assertEquals(List.of("iam:CreatePolicyVersion"), r.paths());
        assertTrue(r.grantingStatements().get(0).toString().contains("iam:CreatePolicyVersion"), r.grantingStatements().toString());
        assertFalse(check("app", allow(List.of("iam:Put*Policy"), List.of("*"))).compliant());
        assertFalse(check("app", allow(List.of("iam:UpdateAssumeRolePolicy"), List.of("*"))).compliant());
        assertFalse(check("app", allow(List.of("IAM:attachrolepolicy"), List.of("*"))).compliant(), "actions are case-insensitive");
    }

    @Test
    void passRoleNeedsTheComputeActionsOfItsPath() {
        assertTrue(check("app", allow(List.of("iam:PassRole"), List.of("*"))).compliant(), "PassRole alone opens no path");
        assertTrue(check("app", allow(List.of("iam:PassRole", "lambda:CreateFunction"), List.of("*"))).compliant());
        var r = check("app", allow(List.of("iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"), List.of("*")));
        assertEquals(List.of("iam:PassRole+lambda:CreateFunction+lambda:InvokeFunction"), r.paths());
        assertFalse(check("app", allow(List.of("iam:PassRole", "ec2:RunInstances"), List.of("*"))).compliant());
        // Across statements and policies the actions add up.
        assertFalse(check("app", allow(List.of("iam:PassRole"), List.of("arn:aws:iam::123456789012:role/x")),
                allow(List.of("cloudformation:CreateStack"), List.of("*"))).compliant());
    }

    @Test
    void readOnlyAndUnrelatedGrantsPass() {
        var r = check("app", allow(List.of("bedrock:InvokeModel", "iam:Get*", "iam:List*", "s3:GetObject"), List.of("*")));
        assertTrue(r.compliant());
        assertEquals(List.of(), r.paths());
    }

    @Test
    void denyOnEveryResourceRemovesAnActionANarrowDenyDoesNot() {
        assertTrue(check("app", allow(List.of("iam:*"), List.of("*")), deny(List.of("iam:*"), List.of("*"))).compliant());
        assertFalse(check("app", allow(List.of("iam:PutRolePolicy"), List.of("*")),
                deny(List.of("iam:PutRolePolicy"), List.of("arn:aws:iam::123456789012:role/admin"))).compliant());
    }

    @Test
    void conditionalGrantsAreListedNotCounted() {
        var r = check("app", stmt("Allow", List.of("iam:AttachRolePolicy"), null, List.of("*"), null,
                "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"platform\"}}"));
        assertTrue(r.compliant());
        assertEquals(1, r.conditional().size());
    }

    @Test
    void notActionThatLeavesIamGrantedFails() {
        assertFalse(check("app", stmt("Allow", null, List.of("s3:*"), List.of("*"), null, null)).compliant());
        // PowerUserAccess-style: everything but IAM, yet lambda:UpdateFunctionCode is itself a path.
        var power = check("power", stmt("Allow", null, List.of("iam:*", "organizations:*"), List.of("*"), null, null));
        assertFalse(power.administrator());
        assertTrue(power.paths().contains("lambda:UpdateFunctionCode"), power.paths().toString());
    }

    @Test
    void administratorsAreExempt() {
        var full = check("deployer", allow(List.of("*"), List.of("*")));
        assertFalse(full.administrator(), "holds every action but is not named an administrator");
        assertTrue(full.everything());
        assertFalse(full.compliant(), "every escalation path is open to * on * outside the administrators");
        IamGrantsTest.World w = new IamGrantsTest.World();
        IamPrincipal sso = w.principal("ROLE",
                "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/ap-northeast-1/AWSReservedSSO_AdministratorAccess_0123abcd",
                "AWSReservedSSO_AdministratorAccess_0123abcd", List.of(), List.of());
        w.inline(sso.getArn(), "p", allow(List.of("iam:*"), List.of("*")));
        assertTrue(PrivilegeEscalation.check(w.effective(sso), ADMINS).administrator());
    }

    @Test
    void missingPoliciesCannotPass() {
        IamGrantsTest.World w = new IamGrantsTest.World();
        IamPrincipal p = w.role("app", List.of("arn:aws:iam::123456789012:policy/not-collected"));
        var r = PrivilegeEscalation.check(w.effective(p), ADMINS);
        assertFalse(r.compliant());
        assertEquals(1, r.missing().size());
    }
}
