package io.tenken.collect;

import io.tenken.facts.AccountSettings;
import io.tenken.facts.CredentialReportRow;
import io.tenken.facts.IamPasswordPolicy;
import io.tenken.facts.IamPolicy;
import io.tenken.facts.IamPrincipal;
import io.tenken.facts.PolicyStatement;
import io.tenken.facts.Resource;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * IAM in bulk: GetAccountAuthorizationDetails (users, groups, roles, managed and inline
 * policies with their default versions), the password policy, the credential report and MFA
 * devices per user.
 */
public final class IamCollector implements Collector {
    static final String TRUST_POLICY = "GetAccountAuthorizationDetails (trust policy)";
    static final String POLICY_DOCUMENT = "GetAccountAuthorizationDetails (policy document)";
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("iam")
            .lists("GetAccountAuthorizationDetails", "iam:GetAccountAuthorizationDetails",
                    IamPrincipal.class, IamPolicy.class, PolicyStatement.class)
            .lists(POLICY_DOCUMENT, "iam:GetAccountAuthorizationDetails", PolicyStatement.class)
            .fills(TRUST_POLICY, "iam:GetAccountAuthorizationDetails", IamPrincipal.class, "trustedServices")
            .fills("ListMFADevices", "iam:ListMFADevices", IamPrincipal.class, "mfaDeviceCount")
            .fills("GetAccountPasswordPolicy", "iam:GetAccountPasswordPolicy", AccountSettings.class, "iamPasswordPolicy")
            .lists("GenerateCredentialReport", "iam:GenerateCredentialReport", CredentialReportRow.class)
            .lists("GetCredentialReport", "iam:GetCredentialReport", CredentialReportRow.class);

    @Override
    public Calls calls() {
        return CALLS;
    }

    private static final String G = Resource.GLOBAL;

    @Override
    public String service() {
        return "iam";
    }

    @Override
    public List<String> units(List<String> scanRegions) {
        return List.of(G);
    }

    @Override
    public void collect(ServiceRun run, String unit, FactSink sink) {
        IamClient c = run.clients().iam();
        authorizationDetails(run, c, sink);
        var pp = run.callOrAbsent(G, "GetAccountPasswordPolicy", "arn:" + run.partition() + ":iam::" + run.accountId() + ":root",
                () -> c.getAccountPasswordPolicy().passwordPolicy(), "NoSuchEntity");
        if (pp.isOk() && pp.value() != null) {
            var p = pp.value();
            sink.passwordPolicy(IamPasswordPolicy.builder()
                    .minimumPasswordLength(p.minimumPasswordLength() == null ? 0 : p.minimumPasswordLength())
                    .requireUppercase(Boolean.TRUE.equals(p.requireUppercaseCharacters()))
                    .requireLowercase(Boolean.TRUE.equals(p.requireLowercaseCharacters()))
                    .requireNumbers(Boolean.TRUE.equals(p.requireNumbers()))
                    .requireSymbols(Boolean.TRUE.equals(p.requireSymbols()))
                    .maxPasswordAge(p.maxPasswordAge()).passwordReusePrevention(p.passwordReusePrevention()).build());
        }
        credentialReport(run, c, sink);
    }

    private void authorizationDetails(ServiceRun run, IamClient c, FactSink sink) {
        List<GetAccountAuthorizationDetailsResponse> pages = run.call(G, "GetAccountAuthorizationDetails", null,
                () -> c.getAccountAuthorizationDetailsPaginator(r -> r.maxItems(1000)).stream().toList());
        if (pages == null) {
            return;
        }
        List<UserDetail> users = new ArrayList<>();
        List<GroupDetail> groups = new ArrayList<>();
        List<RoleDetail> roles = new ArrayList<>();
        List<ManagedPolicyDetail> policies = new ArrayList<>();
        for (var p : pages) {
            users.addAll(p.userDetailList());
            groups.addAll(p.groupDetailList());
            roles.addAll(p.roleDetailList());
            policies.addAll(p.policies());
        }
        Map<String, String> groupArns = new HashMap<>();
        groups.forEach(g -> groupArns.put(g.groupName(), g.arn()));
        Set<String> attached = new HashSet<>();

        for (GroupDetail g : groups) {
            List<String> pols = g.attachedManagedPolicies().stream().map(a -> a.policyArn()).sorted().toList();
            attached.addAll(pols);
            sink.iamPrincipals.add(IamPrincipal.builder().arn(g.arn()).name(g.groupName()).type("GROUP").path(g.path())
                    .attachedPolicyArns(pols).build());
            inline(run, sink, g.arn(), g.groupPolicyList());
        }
        Map<String, Integer> mfa = new java.util.concurrent.ConcurrentHashMap<>();
        run.forEach(users, u -> {
            Integer n = run.call(G, "ListMFADevices", u.arn(),
                    () -> c.listMFADevicesPaginator(r -> r.userName(u.userName())).mfaDevices().stream().toList().size());
            mfa.put(u.arn(), n == null ? 0 : n);
        });
        for (UserDetail u : users) {
            List<String> pols = u.attachedManagedPolicies().stream().map(a -> a.policyArn()).sorted().toList();
            attached.addAll(pols);
            sink.iamPrincipals.add(IamPrincipal.builder().arn(u.arn()).name(u.userName()).type("USER").path(u.path())
                    .attachedPolicyArns(pols)
                    .groupArns(u.groupList().stream().map(n -> groupArns.getOrDefault(n,
                            "arn:" + run.partition() + ":iam::" + run.accountId() + ":group/" + n)).sorted().toList())
                    .mfaDeviceCount(mfa.getOrDefault(u.arn(), 0)).build());
            inline(run, sink, u.arn(), u.userPolicyList());
        }
        for (RoleDetail r : roles) {
            List<String> pols = r.attachedManagedPolicies().stream().map(a -> a.policyArn()).sorted().toList();
            attached.addAll(pols);
            List<String> trusted;
            try {
                trusted = PolicyDocuments.trustedServices(r.assumeRolePolicyDocument());
            } catch (IllegalArgumentException e) {
                run.record(G, TRUST_POLICY, r.arn(), "UnparseablePolicy", e.getMessage());
                trusted = List.of();
            }
            sink.iamPrincipals.add(IamPrincipal.builder().arn(r.arn()).name(r.roleName()).type("ROLE").path(r.path())
                    .attachedPolicyArns(pols).trustedServices(trusted)
                    .trustPolicyJson(PolicyDocuments.decode(r.assumeRolePolicyDocument())).build());
            inline(run, sink, r.arn(), r.rolePolicyList());
        }
        for (ManagedPolicyDetail p : policies) {
            boolean awsManaged = p.arn().contains(":aws:policy/");
            if (awsManaged && !attached.contains(p.arn())) {
                continue; // AWS managed policies nobody here uses say nothing about this account.
            }
            sink.iamPolicies.add(IamPolicy.builder().arn(p.arn()).name(p.policyName())
                    .kind(awsManaged ? "AWS_MANAGED" : "CUSTOMER_MANAGED").defaultVersionId(p.defaultVersionId())
                    .attachmentCount(p.attachmentCount() == null ? 0 : p.attachmentCount()).build());
            p.policyVersionList().stream().filter(v -> Boolean.TRUE.equals(v.isDefaultVersion())).findFirst()
                    .ifPresent(v -> statements(run, sink, p.arn(), v.document()));
        }
    }

    private void inline(ServiceRun run, FactSink sink, String principalArn, List<PolicyDetail> policies) {
        for (PolicyDetail d : policies) {
            String arn = principalArn + "/inline-policy/" + d.policyName();
            sink.iamPolicies.add(IamPolicy.builder().arn(arn).name(d.policyName()).kind("INLINE")
                    .principalArn(principalArn).attachmentCount(1).build());
            statements(run, sink, arn, d.policyDocument());
        }
    }

    private void statements(ServiceRun run, FactSink sink, String policyArn, String doc) {
        try {
            List<PolicyStatement> st = PolicyDocuments.statements(policyArn, doc);
            sink.policyStatements.addAll(st);
        } catch (IllegalArgumentException e) {
            // Scope-wide: a policy that cannot be read may grant anything to whoever holds it,
            // so no principal's IAM verdict may PASS on its absence.
            run.record(G, POLICY_DOCUMENT, null, "UnparseablePolicy", policyArn + ": " + e.getMessage());
        }
    }

    private void credentialReport(ServiceRun run, IamClient c, FactSink sink) {
        String report = "arn:" + run.partition() + ":iam::" + run.accountId() + ":credential-report";
        for (int i = 0; i < 30; i++) {
            var state = run.call(G, "GenerateCredentialReport", report, () -> c.generateCredentialReport().stateAsString());
            if (state == null) {
                return;
            }
            if ("COMPLETE".equals(state)) {
                break;
            }
            try {
                Thread.sleep(Math.min(2000, 200L << Math.min(i, 4)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.record(G, "GenerateCredentialReport", report, "Interrupted", "credential report not ready");
                return;
            }
        }
        var o = run.callOrAbsent(G, "GetCredentialReport", report,
                () -> c.getCredentialReport().content().asString(StandardCharsets.UTF_8));
        if (o.isOk() && o.value() != null) {
            sink.credentialReport.addAll(parseCredentialReport(o.value()));
        }
    }

    static List<CredentialReportRow> parseCredentialReport(String csv) {
        List<CredentialReportRow> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new StringReader(csv))) {
            String header = r.readLine();
            if (header == null) {
                return out;
            }
            List<String> h = List.of(header.split(",", -1));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < h.size() && i < f.length; i++) {
                    m.put(h.get(i), f[i]);
                }
                String user = m.get("user");
                out.add(CredentialReportRow.builder().user(user).arn(m.get("arn"))
                        .root("<root_account>".equals(user))
                        .userCreationTime(time(m.get("user_creation_time")))
                        .passwordEnabled("true".equals(m.get("password_enabled")))
                        .passwordLastUsed(time(m.get("password_last_used")))
                        .mfaActive("true".equals(m.get("mfa_active")))
                        .accessKey1Active("true".equals(m.get("access_key_1_active")))
                        .accessKey1LastUsed(time(m.get("access_key_1_last_used_date")))
                        .accessKey1LastRotated(time(m.get("access_key_1_last_rotated")))
                        .accessKey2Active("true".equals(m.get("access_key_2_active")))
                        .accessKey2LastUsed(time(m.get("access_key_2_last_used_date")))
                        .accessKey2LastRotated(time(m.get("access_key_2_last_rotated")))
                        .build());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static String time(String v) {
        if (v == null || v.isEmpty() || "N/A".equals(v) || "no_information".equals(v) || "not_supported".equals(v)) {
            return null;
        }
        return v;
    }
}
