package io.tenken.collect;

import io.tenken.facts.UserPool;
import io.tenken.facts.UserPoolClient;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.wafv2.model.WebACL;

/**
 * Cognito user pools (DescribeUserPool + GetUserPoolMfaConfig, and the web ACL wafv2
 * GetWebACLForResource reports for each) and their app clients.
 */
public final class CognitoCollector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("cognito-idp")
            .lists("ListUserPools", "cognito-idp:ListUserPools", UserPool.class, UserPoolClient.class)
            .readsItem("DescribeUserPool", "cognito-idp:DescribeUserPool", UserPool.class, UserPoolClient.class)
            .fills("GetUserPoolMfaConfig", "cognito-idp:GetUserPoolMfaConfig", UserPool.class,
                    "mfaConfiguration", "totpMfaEnabled", "smsMfaEnabled")
            .lists("ListUserPoolClients", "cognito-idp:ListUserPoolClients", UserPoolClient.class)
            .readsItem("DescribeUserPoolClient", "cognito-idp:DescribeUserPoolClient", UserPoolClient.class)
            .fills("wafv2:GetWebACLForResource", "wafv2:GetWebACLForResource", UserPool.class, "webAclArn");

    @Override
    public Calls calls() {
        return CALLS;
    }

    @Override
    public String service() {
        return "cognito-idp";
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        CognitoIdentityProviderClient c = run.clients().cognito(region);
        Outcome<List<UserPoolDescriptionType>> pools = userPools(run, region, "ListUserPools");
        if (pools.isOk()) {
            run.forEach(pools.value(), p -> pool(run, c, region, p.id(), sink));
        }
    }

    /** The region's user pools: listed once a scan, for this collector and WAF's associations. */
    static Outcome<List<UserPoolDescriptionType>> userPools(ServiceRun run, String region, String operation) {
        CognitoIdentityProviderClient c = run.clients().cognito(region);
        return run.callShared("cognito-idp ListUserPools " + region, region, operation, null,
                () -> c.listUserPoolsPaginator(r -> r.maxResults(60)).userPools().stream().toList());
    }

    /**
     * The web ACL associated with a user pool (null: none; WAFNonexistentItemException is that
     * answer too): asked once a scan, for this collector and WAF's associations.
     */
    static Outcome<WebACL> webAclOf(ServiceRun run, String region, String operation, String resourceId, String poolArn) {
        return run.callShared("wafv2 GetWebACLForResource " + poolArn, region, operation, resourceId,
                () -> run.clients().userPoolWafv2(region).getWebACLForResource(r -> r.resourceArn(poolArn)).webACL(),
                "WAFNonexistentItemException");
    }

    private void pool(ServiceRun run, CognitoIdentityProviderClient c, String region, String id, FactSink sink) {
        String arn = run.arn("cognito-idp", region, "userpool/" + id);
        UserPoolType p = run.call(region, "DescribeUserPool", arn, () -> c.describeUserPool(r -> r.userPoolId(id)).userPool());
        if (p == null) {
            return;
        }
        GetUserPoolMfaConfigResponse mfa = run.call(region, "GetUserPoolMfaConfig", arn,
                () -> c.getUserPoolMfaConfig(r -> r.userPoolId(id)));
        PasswordPolicyType pw = p.policies() == null ? null : p.policies().passwordPolicy();
        String poolArn = p.arn() != null ? p.arn() : arn;
        // No association is an answer (WAFNonexistentItemException or no web ACL); a failure is
        // recorded against the pool, so its verdicts become ERROR rather than "no WAF".
        var waf = webAclOf(run, region, "wafv2:GetWebACLForResource", poolArn, poolArn);
        sink.userPools.add(UserPool.builder()
                .id(id).arn(poolArn).name(p.name()).region(region)
                .allowAdminCreateUserOnly(p.adminCreateUserConfig() != null
                        && Boolean.TRUE.equals(p.adminCreateUserConfig().allowAdminCreateUserOnly()))
                .preSignUpLambdaArn(p.lambdaConfig() == null ? null : p.lambdaConfig().preSignUp())
                .passwordMinLength(pw == null ? null : pw.minimumLength())
                .requireUppercase(pw != null && Boolean.TRUE.equals(pw.requireUppercase()))
                .requireLowercase(pw != null && Boolean.TRUE.equals(pw.requireLowercase()))
                .requireNumbers(pw != null && Boolean.TRUE.equals(pw.requireNumbers()))
                .requireSymbols(pw != null && Boolean.TRUE.equals(pw.requireSymbols()))
                .temporaryPasswordValidityDays(pw == null ? null : pw.temporaryPasswordValidityDays())
                // GetUserPoolMfaConfig is authoritative; DescribeUserPool may show the create-time value.
                .mfaConfiguration(mfa != null && mfa.mfaConfigurationAsString() != null
                        ? mfa.mfaConfigurationAsString() : p.mfaConfigurationAsString())
                .totpMfaEnabled(mfa != null && mfa.softwareTokenMfaConfiguration() != null
                        && Boolean.TRUE.equals(mfa.softwareTokenMfaConfiguration().enabled()))
                .smsMfaEnabled(mfa != null && mfa.smsMfaConfiguration() != null
                        && mfa.smsMfaConfiguration().smsConfiguration() != null)
                .advancedSecurityMode(p.userPoolAddOns() == null ? null : p.userPoolAddOns().advancedSecurityModeAsString())
                .deletionProtection(p.deletionProtectionAsString())
                .tags(p.hasUserPoolTags() ? new java.util.TreeMap<>(p.userPoolTags()) : null)
                .webAclArn(waf.isOk() && waf.value() != null ? waf.value().arn() : null)
                .build());
        List<UserPoolClientDescription> clients = run.call(region, "ListUserPoolClients", poolArn,
                () -> c.listUserPoolClientsPaginator(r -> r.userPoolId(id).maxResults(60)).userPoolClients().stream().toList());
        if (clients == null) {
            return;
        }
        for (UserPoolClientDescription d : clients) {
            UserPoolClientType uc = run.call(region, "DescribeUserPoolClient", poolArn + "/client/" + d.clientId(),
                    () -> c.describeUserPoolClient(r -> r.userPoolId(id).clientId(d.clientId())).userPoolClient());
            if (uc == null) {
                continue;
            }
            var units = uc.tokenValidityUnits();
            sink.userPoolClients.add(UserPoolClient.builder()
                    .userPoolId(id).clientId(uc.clientId()).clientName(uc.clientName()).region(region)
                    .userPoolArn(poolArn)
                    .accessTokenValidity(uc.accessTokenValidity())
                    .accessTokenUnit(units == null ? null : units.accessTokenAsString())
                    .idTokenValidity(uc.idTokenValidity())
                    .idTokenUnit(units == null ? null : units.idTokenAsString())
                    .refreshTokenValidity(uc.refreshTokenValidity())
                    .refreshTokenUnit(units == null ? null : units.refreshTokenAsString())
                    .preventUserExistenceErrors(uc.preventUserExistenceErrorsAsString())
                    .enableTokenRevocation(Boolean.TRUE.equals(uc.enableTokenRevocation()))
                    .build());
        }
    }
}
