package io.tenken.checks;

import static io.tenken.TestTexts.en;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.IamPolicy;
import io.tenken.facts.IamPrincipal;
import io.tenken.facts.PolicyStatement;
import io.tenken.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IamGrantsTest {
    static final String ACCOUNT = "123456789012";
    static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/AppRole";
    static final String SONNET = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0";
    static final String TITAN = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0";

    // ---------------------------------------------------------------- builders

    static PolicyStatement allow(List<String> actions, List<String> resources) {
        return stmt("Allow", actions, null, resources, null, null);
    }

    static PolicyStatement deny(List<String> actions, List<String> resources) {
        return stmt("Deny", actions, null, resources, null, null);
    }

    static PolicyStatement stmt(String effect, List<String> actions, List<String> notActions, List<String> resources,
                                List<String> notResources, String condition) {
        return PolicyStatement.builder().effect(effect).actions(actions).notActions(notActions).resources(resources)
                .notResources(notResources).conditionJson(condition).build();
    }

    /** A snapshot of principals, policies and statements, built up by the tests. */
    static final class World {
        final List<IamPrincipal> principals = new ArrayList<>();
        final List<IamPolicy> policies = new ArrayList<>();
        final List<PolicyStatement> statements = new ArrayList<>();

        IamPrincipal role(String name, List<String> managed) {
            return principal("ROLE", "arn:aws:iam::" + ACCOUNT + ":role/" + name, name, managed, List.of());
        }

        IamPrincipal principal(String type, String arn, String name, List<String> managed, List<String> groups) {
            IamPrincipal p = IamPrincipal.builder().arn(arn).name(name).type(type).path("/")
                    .attachedPolicyArns(managed).groupArns(groups).build();
            principals.add(p);
            return p;
        }

        void inline(String principalArn, String name, PolicyStatement... stmts) {
            String arn = principalArn + "/inline-policy/" + name;
            policies.add(IamPolicy.builder().arn(arn).name(name).kind("INLINE").principalArn(principalArn)
                    .attachmentCount(1).build());
            addStatements(arn, stmts);
        }

        String managed(String name, String kind, PolicyStatement... stmts) {
            String arn = "AWS_MANAGED".equals(kind) ? "arn:aws:iam::aws:policy/" + name
                    : "arn:aws:iam::" + ACCOUNT + ":policy/" + name;
            policies.add(IamPolicy.builder().arn(arn).name(name).kind(kind).defaultVersionId("v1")
                    .attachmentCount(1).build());
            addStatements(arn, stmts);
            return arn;
        }

        private void addStatements(String policyArn, PolicyStatement... stmts) {
            for (int i = 0; i < stmts.length; i++) {
                statements.add(stmts[i].toBuilder().policyArn(policyArn).index(i).build());
            }
        }

        IamGrants.Effective effective(IamPrincipal p) {
            return IamGrants.effective(p, principals, policies, statements);
        }

        CheckResult bedrock(IamPrincipal p, Policy policy) {
            return IamGrants.bedrockLeastPrivilege(effective(p), policy);
        }

        CheckResult bedrock(IamPrincipal p) {
            return bedrock(p, Policy.defaults());
        }

        CheckResult guardrail(IamPrincipal p) {
            return IamGrants.guardrailAdmin(effective(p), Policy.defaults());
        }

        CheckResult admin(String policyArn) {
            IamPolicy pol = policies.stream().filter(x -> x.getArn().equals(policyArn)).findFirst().orElseThrow();
            return IamGrants.adminWildcard(pol, statements);
        }
    }

    /** A role with one inline policy holding the statements. */
    static CheckResult bedrockWith(Policy policy, PolicyStatement... stmts) {
        World w = new World();
        IamPrincipal r = w.role("AppRole", List.of());
        w.inline(r.getArn(), "p", stmts);
        return w.bedrock(r, policy);
    }

    static CheckResult bedrockWith(PolicyStatement... stmts) {
        return bedrockWith(Policy.defaults(), stmts);
    }

    // ---------------------------------------------------------------- matching

    @Nested
    class Matching {
        @Test
        void actionWildcardsAnywhereCaseInsensitive() {
            for (String pattern : List.of("bedrock:*", "bedrock:Invoke*", "*", "*:*", "Bedrock:invokemodel",
                    "bedrock:Invoke?odel", "*:InvokeModel", "BEDROCK:INVOKE*")) {
                assertTrue(IamGrants.coversAction(allow(List.of(pattern), List.of("*")), "bedrock:InvokeModel"), pattern);
            }
            for (String pattern : List.of("bedrock:Converse*", "s3:*", "bedrock:InvokeAgent", "bedrock:Get*")) {
                assertFalse(IamGrants.coversAction(allow(List.of(pattern), List.of("*")), "bedrock:InvokeModel"), pattern);
            }
        }

        @Test
        void singleElementAndMultiElementActionLists() {
            assertTrue(IamGrants.coversAction(allow(List.of("bedrock:InvokeModel"), List.of("*")), "bedrock:InvokeModel"));
            assertTrue(IamGrants.coversAction(allow(List.of("s3:GetObject", "bedrock:InvokeModel"), List.of("*")),
                    "bedrock:InvokeModel"));
        }

        @Test
        void notActionCoversEverythingNotListed() {
            PolicyStatement s = stmt("Allow", null, List.of("iam:*", "organizations:*"), List.of("*"), null, null);
            assertTrue(IamGrants.coversAction(s, "bedrock:InvokeModel"));
            assertTrue(IamGrants.coversAction(s, "bedrock:*"));
            assertFalse(IamGrants.coversAction(s, "iam:CreateUser"));
            PolicyStatement notBedrock = stmt("Allow", null, List.of("bedrock:*"), List.of("*"), null, null);
            assertFalse(IamGrants.coversAction(notBedrock, "bedrock:InvokeModel"));
        }

        @Test
        void resourceAndNotResource() {
            assertTrue(IamGrants.coversResource(allow(List.of("*"), List.of("arn:aws:bedrock:*::foundation-model/*")), SONNET));
            assertFalse(IamGrants.coversResource(allow(List.of("*"), List.of(TITAN)), SONNET));
            PolicyStatement notRes = stmt("Allow", List.of("*"), null, null, List.of(TITAN), null);
            assertTrue(IamGrants.coversResource(notRes, SONNET));
            assertFalse(IamGrants.coversResource(notRes, TITAN));
        }

        @Test
        void statementWithoutActionsOrResourcesCoversNothing() {
            assertFalse(IamGrants.covers(stmt("Allow", List.of(), null, List.of("*"), null, null), "bedrock:InvokeModel", "*"));
            assertFalse(IamGrants.covers(stmt("Allow", List.of("*"), null, List.of(), null, null), "bedrock:InvokeModel", "*"));
        }

        @Test
        void denyRemovesOnlyWhenUnconditional() {
            List<PolicyStatement> s = List.of(allow(List.of("bedrock:*"), List.of("*")),
                    deny(List.of("bedrock:InvokeModel"), List.of("*")));
            assertFalse(IamGrants.granted(s, "bedrock:InvokeModel", SONNET));
            assertTrue(IamGrants.granted(s, "bedrock:Converse", SONNET));
            List<PolicyStatement> conditionalDeny = List.of(allow(List.of("bedrock:*"), List.of("*")),
                    stmt("Deny", List.of("bedrock:*"), null, List.of("*"), null, "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}"));
            assertTrue(IamGrants.granted(conditionalDeny, "bedrock:InvokeModel", SONNET));
        }

        @Test
        void conditionalAllowIsNotAGrant() {
            List<PolicyStatement> s = List.of(stmt("Allow", List.of("bedrock:*"), null, List.of("*"), null,
                    "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"ml\"}}"));
            assertFalse(IamGrants.granted(s, "bedrock:InvokeModel", SONNET));
            assertTrue(IamGrants.conditionallyGranted(s, "bedrock:InvokeModel", SONNET));
        }

        @Test
        void serviceLinkedRoles() {
            assertTrue(IamGrants.isServiceLinked(IamPrincipal.builder().path("/aws-service-role/bedrock.amazonaws.com/").build()));
            assertFalse(IamGrants.isServiceLinked(IamPrincipal.builder().path("/").build()));
            assertFalse(IamGrants.isServiceLinked(IamPrincipal.builder().build()));
        }

        @Test
        void modelAllowedStripsCrossRegionPrefix() {
            List<String> allowed = List.of("anthropic.claude-3-5-sonnet-20240620-v1:0");
            assertTrue(IamGrants.modelAllowed("anthropic.claude-3-5-sonnet-20240620-v1:0", allowed));
            assertTrue(IamGrants.modelAllowed("us.anthropic.claude-3-5-sonnet-20240620-v1:0", allowed));
            assertTrue(IamGrants.modelAllowed("apac.anthropic.claude-3-5-sonnet-20240620-v1:0", allowed));
            assertFalse(IamGrants.modelAllowed("anthropic.claude-3-opus-20240229-v1:0", allowed));
            assertFalse(IamGrants.modelAllowed("anthropic.*", allowed));
            assertTrue(IamGrants.modelAllowed("anthropic.*", List.of("anthropic.*")));
        }
    }

    // ---------------------------------------------------------------- sources

    @Nested
    class Sources {
        @Test
        void managedInlineAndGroupInheritedPolicies() {
            World w = new World();
            String managed = w.managed("Managed", "CUSTOMER_MANAGED", allow(List.of("s3:GetObject"), List.of("*")));
            String groupPolicy = w.managed("GroupPolicy", "CUSTOMER_MANAGED", allow(List.of("bedrock:*"), List.of("*")));
            IamPrincipal group = w.principal("GROUP", "arn:aws:iam::" + ACCOUNT + ":group/ml", "ml",
                    List.of(groupPolicy), List.of());
            w.inline(group.getArn(), "group-inline", allow(List.of("bedrock:ListFoundationModels"), List.of("*")));
            IamPrincipal user = w.principal("USER", "arn:aws:iam::" + ACCOUNT + ":user/alice", "alice",
                    List.of(managed), List.of(group.getArn()));
            w.inline(user.getArn(), "user-inline", allow(List.of("logs:*"), List.of("*")));
            IamGrants.Effective e = w.effective(user);
            assertEquals(List.of("Managed", "user-inline", "GroupPolicy", "group-inline"),
                    e.statements().stream().map(IamGrants.Attributed::policyName).toList());
            assertEquals(List.of("customer managed", "inline", "customer managed, via group ml", "inline, via group ml"),
                    e.statements().stream().map(a -> en(a.via())).toList());
            assertTrue(e.missing().isEmpty());
            CheckResult r = IamGrants.bedrockLeastPrivilege(e, Policy.defaults());
            assertFalse(r.compliant());
            assertTrue(en(r.observed()).contains("via group ml"), en(r.observed()));
        }

        @Test
        void inlinePolicyOfAnotherPrincipalDoesNotApply() {
            World w = new World();
            IamPrincipal a = w.role("A", List.of());
            IamPrincipal b = w.role("B", List.of());
            w.inline(b.getArn(), "wide", allow(List.of("bedrock:*"), List.of("*")));
            assertTrue(w.bedrock(a).compliant());
            assertFalse(w.bedrock(b).compliant());
        }

        @Test
        void samePolicyViaUserAndGroupCountedOnce() {
            World w = new World();
            String p = w.managed("P", "CUSTOMER_MANAGED", allow(List.of("s3:GetObject"), List.of("*")));
            IamPrincipal g = w.principal("GROUP", "arn:aws:iam::" + ACCOUNT + ":group/g", "g", List.of(p), List.of());
            IamPrincipal u = w.principal("USER", "arn:aws:iam::" + ACCOUNT + ":user/u", "u", List.of(p), List.of(g.getArn()));
            assertEquals(1, w.effective(u).statements().size());
        }

        @Test
        void missingPolicyOrGroupIsNeverReadAsEmpty() {
            World w = new World();
            IamPrincipal u = w.principal("USER", "arn:aws:iam::" + ACCOUNT + ":user/u", "u",
                    List.of("arn:aws:iam::" + ACCOUNT + ":policy/Gone"), List.of("arn:aws:iam::" + ACCOUNT + ":group/gone"));
            IamGrants.Effective e = w.effective(u);
            assertEquals(2, e.missing().size());
            CheckResult r = IamGrants.bedrockLeastPrivilege(e, Policy.defaults());
            assertFalse(r.compliant());
            assertTrue(en(r.observed()).contains("cannot verify"), en(r.observed()));
            assertFalse(IamGrants.guardrailAdmin(e, Policy.defaults()).compliant());
        }

        @Test
        void managedPolicyWithoutStatementsIsEmpty() {
            World w = new World();
            String p = w.managed("Empty", "CUSTOMER_MANAGED");
            IamPrincipal r = w.role("R", List.of(p));
            assertTrue(w.bedrock(r).compliant());
        }
    }

    // ---------------------------------------------------------------- iam.bedrock-least-privilege

    @Nested
    class BedrockLeastPrivilege {
        @Test
        void genuDefaultLambdaRoleInlineBedrockStarOnStarFails() {
            CheckResult r = bedrockWith(allow(List.of("bedrock:*"), List.of("*")));
            assertFalse(r.compliant());
            assertTrue(en(r.observed()).contains("bedrock:*"), en(r.observed()));
            assertTrue(en(r.observed()).contains("invocation of any model"), en(r.observed()));
        }

        @Test
        void genuHardenedScopedInvocationPasses() {
            CheckResult r = bedrockWith(allow(List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"),
                    List.of(SONNET, TITAN)));
            assertTrue(r.compliant(), en(r.observed()));
            assertTrue(en(r.observed()).contains("invocation limited to"), en(r.observed()));
        }

        @Test
        void everyWildcardFormOnStarFails() {
            for (String action : List.of("bedrock:*", "bedrock:Invoke*", "*", "*:*", "Bedrock:invokemodel",
                    "bedrock:InvokeModel*")) {
                assertFalse(bedrockWith(allow(List.of(action), List.of("*"))).compliant(), action);
            }
        }

        @Test
        void singleInvocationActionOnStarFails() {
            CheckResult r = bedrockWith(allow(List.of("bedrock:InvokeModel"), List.of("*")));
            assertFalse(r.compliant());
            assertTrue(en(r.observed()).contains("bedrock:InvokeModel"), en(r.observed()));
            assertFalse(en(r.observed()).contains("bedrock:*"), en(r.observed()));
        }

        @Test
        void anyModelGlobsFail() {
            for (String resource : List.of("arn:aws:bedrock:*::foundation-model/*", "arn:aws:bedrock:*",
                    "arn:aws:bedrock:ap-northeast-1::foundation-model/*", "arn:*:bedrock:*:*:*",
                    "arn:aws:bedrock:us-east-1:" + ACCOUNT + ":inference-profile/*")) {
                assertFalse(bedrockWith(allow(List.of("bedrock:InvokeModel"), List.of(resource))).compliant(), resource);
            }
        }

        @Test
        void bedrockStarOnOneResourceStillFails() {
            assertFalse(bedrockWith(allow(List.of("bedrock:*"), List.of(SONNET))).compliant());
        }

        @Test
        void nonInvocationBedrockActionsPass() {
            assertTrue(bedrockWith(allow(List.of("bedrock:ListFoundationModels", "bedrock:GetFoundationModel"),
                    List.of("*"))).compliant());
            assertTrue(bedrockWith(allow(List.of("s3:*"), List.of("*"))).compliant());
        }

        @Test
        void notActionThatLeavesBedrockFails() {
            assertFalse(bedrockWith(stmt("Allow", null, List.of("iam:*"), List.of("*"), null, null)).compliant());
            assertTrue(bedrockWith(stmt("Allow", null, List.of("bedrock:*", "iam:*"), List.of("*"), null, null)).compliant());
        }

        @Test
        void notResourceExcludingOneModelStillGrantsAnyModel() {
            assertFalse(bedrockWith(stmt("Allow", List.of("bedrock:InvokeModel"), null, null, List.of(TITAN), null))
                    .compliant());
        }

        @Test
        void explicitDenyInSamePolicyRemovesGrant() {
            assertTrue(bedrockWith(allow(List.of("bedrock:*"), List.of("*")), deny(List.of("bedrock:*"), List.of("*")))
                    .compliant());
        }

        @Test
        void explicitDenyInAnotherAttachedPolicyRemovesGrant() {
            World w = new World();
            String guard = w.managed("DenyBedrock", "CUSTOMER_MANAGED", deny(List.of("bedrock:*"), List.of("*")));
            IamPrincipal r = w.role("AppRole", List.of(guard));
            w.inline(r.getArn(), "wide", allow(List.of("bedrock:*"), List.of("*")));
            assertTrue(w.bedrock(r).compliant(), en(w.bedrock(r).observed()));
        }

        @Test
        void denyOfInvocationOnlyLeavesBedrockStar() {
            CheckResult r = bedrockWith(allow(List.of("bedrock:*"), List.of("*")),
                    deny(List.of("bedrock:Invoke*", "bedrock:Converse*"), List.of("*")));
            assertFalse(r.compliant());
            assertFalse(en(r.observed()).contains("invocation of any model"), en(r.observed()));
        }

        @Test
        void denyExceptApprovedModelsLeavesOnlyThose() {
            Policy policy = Policy.builder().allowedBedrockModelIds(List.of("anthropic.claude-3-5-sonnet-20240620-v1:0"))
                    .build();
            CheckResult r = bedrockWith(policy, allow(List.of("bedrock:InvokeModel"), List.of("*")),
                    stmt("Deny", List.of("bedrock:InvokeModel"), null, null, List.of(SONNET), null));
            assertTrue(r.compliant(), en(r.observed()));
            assertTrue(en(r.observed()).contains(SONNET), en(r.observed()));
            CheckResult titan = bedrockWith(policy, allow(List.of("bedrock:InvokeModel"), List.of("*")),
                    stmt("Deny", List.of("bedrock:InvokeModel"), null, null, List.of(TITAN), null));
            assertFalse(titan.compliant(), en(titan.observed()));
        }

        @Test
        void denyOnOneRegionDoesNotRemoveAnyRegionGrant() {
            assertFalse(bedrockWith(allow(List.of("bedrock:InvokeModel"), List.of("arn:aws:bedrock:*::foundation-model/*")),
                    deny(List.of("bedrock:InvokeModel"), List.of("arn:aws:bedrock:us-east-1::foundation-model/*")))
                    .compliant());
        }

        @Test
        void conditionalDenyDoesNotRemoveGrant() {
            assertFalse(bedrockWith(allow(List.of("bedrock:*"), List.of("*")),
                    stmt("Deny", List.of("bedrock:*"), null, List.of("*"), null,
                            "{\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}")).compliant());
        }

        @Test
        void conditionalGrantIsReportedAsConditional() {
            CheckResult r = bedrockWith(stmt("Allow", List.of("bedrock:*"), null, List.of("*"), null,
                    "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"ml\"}}"));
            assertTrue(r.compliant(), en(r.observed()));
            assertTrue(en(r.observed()).contains("conditional grant"), en(r.observed()));
        }

        @Test
        void allowedModelList() {
            Policy policy = Policy.builder().allowedBedrockModelIds(List.of("anthropic.claude-3-5-sonnet-20240620-v1:0",
                    "amazon.titan-embed-text-v2:0")).build();
            assertTrue(bedrockWith(policy, allow(List.of("bedrock:InvokeModel"), List.of(SONNET, TITAN))).compliant());
            CheckResult opus = bedrockWith(policy, allow(List.of("bedrock:InvokeModel"),
                    List.of(SONNET, "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-opus-20240229-v1:0")));
            assertFalse(opus.compliant());
            assertTrue(en(opus.observed()).contains("outside allowedBedrockModelIds"), en(opus.observed()));
            assertTrue(bedrockWith(policy, allow(List.of("bedrock:InvokeModel"), List.of(
                    "arn:aws:bedrock:us-east-1:" + ACCOUNT + ":inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0")))
                    .compliant());
            // A family glob names no unknown model id but is not on the list.
            assertFalse(bedrockWith(policy, allow(List.of("bedrock:InvokeModel"),
                    List.of("arn:aws:bedrock:us-east-1::foundation-model/anthropic.*"))).compliant());
            // Without a list, a family glob is not "any model".
            assertTrue(bedrockWith(allow(List.of("bedrock:InvokeModel"),
                    List.of("arn:aws:bedrock:us-east-1::foundation-model/anthropic.*"))).compliant());
        }
    }

    // ---------------------------------------------------------------- iam.guardrail-admin-restricted

    @Nested
    class GuardrailAdmin {
        static final String GUARDRAIL = "arn:aws:bedrock:us-east-1:" + ACCOUNT + ":guardrail/abc123";

        @Test
        void appRoleWithBedrockStarFails() {
            World w = new World();
            IamPrincipal r = w.role("AppRole", List.of());
            w.inline(r.getArn(), "p", allow(List.of("bedrock:*"), List.of("*")));
            CheckResult res = w.guardrail(r);
            assertFalse(res.compliant());
            assertTrue(en(res.observed()).contains("bedrock:DeleteGuardrail"), en(res.observed()));
        }

        @Test
        void securityAdminPasses() {
            World w = new World();
            IamPrincipal r = w.role("SecurityAdmin", List.of());
            w.inline(r.getArn(), "p", allow(List.of("bedrock:*Guardrail"), List.of(GUARDRAIL)));
            CheckResult res = w.guardrail(r);
            assertTrue(res.compliant(), en(res.observed()));
            IamPrincipal sso = w.role("AWSReservedSSO_SecurityAdministrator_0123", List.of());
            w.inline(sso.getArn(), "p", allow(List.of("bedrock:UpdateGuardrail"), List.of("*")));
            assertTrue(w.guardrail(sso).compliant());
        }

        @Test
        void grantOnOneGuardrailArnCounts() {
            World w = new World();
            IamPrincipal r = w.role("Ops", List.of());
            w.inline(r.getArn(), "p", allow(List.of("bedrock:UpdateGuardrail"), List.of(GUARDRAIL)));
            assertFalse(w.guardrail(r).compliant());
        }

        @Test
        void grantOnModelsOnlyDoesNotCount() {
            World w = new World();
            IamPrincipal r = w.role("Ops", List.of());
            w.inline(r.getArn(), "p", allow(List.of("bedrock:*"), List.of(SONNET)));
            assertTrue(w.guardrail(r).compliant());
        }

        @Test
        void conditionalGrantPasses() {
            World w = new World();
            IamPrincipal r = w.role("Ops", List.of());
            w.inline(r.getArn(), "p", stmt("Allow", List.of("bedrock:*Guardrail"), null, List.of("*"), null,
                    "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"));
            CheckResult res = w.guardrail(r);
            assertTrue(res.compliant(), en(res.observed()));
            assertTrue(en(res.observed()).contains("conditional"), en(res.observed()));
        }

        @Test
        void explicitDenyPasses() {
            World w = new World();
            String guard = w.managed("DenyGuardrailChanges", "CUSTOMER_MANAGED",
                    deny(List.of("bedrock:CreateGuardrail", "bedrock:UpdateGuardrail", "bedrock:DeleteGuardrail"),
                            List.of("*")));
            IamPrincipal r = w.role("AppRole", List.of(guard));
            w.inline(r.getArn(), "p", allow(List.of("bedrock:*"), List.of("*")));
            assertTrue(w.guardrail(r).compliant(), en(w.guardrail(r).observed()));
        }

        @Test
        void policyPatternsDecide() {
            World w = new World();
            IamPrincipal r = w.role("GuardianRole", List.of());
            w.inline(r.getArn(), "p", allow(List.of("bedrock:*"), List.of("*")));
            assertFalse(w.guardrail(r).compliant());
            Policy custom = Policy.builder().guardrailAdminPrincipalPatterns(List.of("*:role/Guardian*")).build();
            assertTrue(IamGrants.guardrailAdmin(w.effective(r), custom).compliant());
        }
    }

    // ---------------------------------------------------------------- iam.no-admin-wildcards

    @Nested
    class AdminWildcard {
        CheckResult admin(PolicyStatement... stmts) {
            World w = new World();
            String arn = w.managed("P", "CUSTOMER_MANAGED", stmts);
            return w.admin(arn);
        }

        @Test
        void starOnStarFails() {
            for (String action : List.of("*", "*:*")) {
                for (String resource : List.of("*", "arn:aws:*:*:*:*", "arn:*")) {
                    assertFalse(admin(allow(List.of(action), List.of(resource))).compliant(), action + " on " + resource);
                }
            }
        }

        @Test
        void serviceWildcardsAndScopedResourcesPass() {
            assertTrue(admin(allow(List.of("bedrock:*"), List.of("*"))).compliant());
            assertTrue(admin(allow(List.of("*"), List.of("arn:aws:s3:::bucket/*"))).compliant());
            assertTrue(admin(allow(List.of("s3:*", "logs:*"), List.of("*"))).compliant());
        }

        @Test
        void notActionLeavingIamFails() {
            assertFalse(admin(stmt("Allow", null, List.of("s3:DeleteBucket"), List.of("*"), null, null)).compliant());
            assertTrue(admin(stmt("Allow", null, List.of("iam:*", "organizations:*"), List.of("*"), null, null)).compliant());
        }

        @Test
        void notResourceLeavingEverythingFails() {
            assertFalse(admin(stmt("Allow", List.of("*"), null, null, List.of("arn:aws:s3:::secret/*"), null)).compliant());
        }

        @Test
        void conditionalAdminStillFails() {
            // The checklist (and FSBP IAM.1) ask for no Allow * on *: with MFA it still allows everything.
            CheckResult r = admin(stmt("Allow", List.of("*"), null, List.of("*"), null,
                    "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"));
            assertFalse(r.compliant());
            assertTrue(en(r.observed()).contains("under a condition"), en(r.observed()));
        }

        @Test
        void denyInSamePolicyRemovesIt() {
            assertTrue(admin(allow(List.of("*"), List.of("*")), deny(List.of("*"), List.of("*"))).compliant());
            assertFalse(admin(allow(List.of("*"), List.of("*")), deny(List.of("iam:*"), List.of("*"))).compliant());
        }

        @Test
        void otherPoliciesStatementsAreIgnored() {
            World w = new World();
            String a = w.managed("A", "CUSTOMER_MANAGED", allow(List.of("s3:GetObject"), List.of("*")));
            w.managed("B", "CUSTOMER_MANAGED", allow(List.of("*"), List.of("*")));
            assertTrue(w.admin(a).compliant());
        }
    }
}
