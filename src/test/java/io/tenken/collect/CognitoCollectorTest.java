package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.UserPool;
import io.tenken.facts.UserPoolClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;

@ExtendWith(MotoServerExtension.class)
class CognitoCollectorTest {
    @Test
    void collectsPoolsWithMfaPasswordPolicyAndClients() {
        CognitoIdentityProviderClient c = Moto.client(CognitoIdentityProviderClient.builder(), "ap-northeast-1");
        // GenU default: self sign-up, nothing hardened.
        String open = c.createUserPool(r -> r.poolName("genu-default")).userPool().id();
        // Hardened: admin-only sign-up, strong passwords, TOTP MFA on, deletion protection, threat protection.
        String hard = c.createUserPool(r -> r.poolName("genu-hardened")
                .adminCreateUserConfig(a -> a.allowAdminCreateUserOnly(true))
                .policies(p -> p.passwordPolicy(pw -> pw.minimumLength(12).requireUppercase(true).requireLowercase(true)
                        .requireNumbers(true).requireSymbols(true).temporaryPasswordValidityDays(3)))
                .deletionProtection("ACTIVE")
                .userPoolAddOns(a -> a.advancedSecurityMode("ENFORCED"))
                .userPoolTags(java.util.Map.of("app", "genu"))).userPool().id();
        c.setUserPoolMfaConfig(r -> r.userPoolId(hard).mfaConfiguration("ON")
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        c.createUserPoolClient(r -> r.userPoolId(hard).clientName("web").accessTokenValidity(30).idTokenValidity(30)
                .refreshTokenValidity(1).tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES)
                        .idToken(TimeUnitsType.MINUTES).refreshToken(TimeUnitsType.DAYS))
                .preventUserExistenceErrors("ENABLED").enableTokenRevocation(true));
        c.createUserPoolClient(r -> r.userPoolId(open).clientName("default-client"));

        var s = ScanTestSupport.scan(List.of("cognito-idp"), "ap-northeast-1");

        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        assertEquals("COMPLETE", s.getServices().get("cognito-idp").getStatus());
        assertTrue(s.getServices().get("cognito-idp").getApiCalls() >= 7);
        List<UserPool> pools = s.getFacts().getUserPools();
        assertEquals(2, pools.size());
        UserPool o = pools.stream().filter(p -> p.getId().equals(open)).findFirst().orElseThrow();
        UserPool h = pools.stream().filter(p -> p.getId().equals(hard)).findFirst().orElseThrow();
        assertFalse(o.isAllowAdminCreateUserOnly());
        assertEquals("arn:aws:cognito-idp:ap-northeast-1:" + Moto.ACCOUNT + ":userpool/" + open, o.getArn());
        assertEquals("ap-northeast-1", o.getRegion());
        assertNull(o.getAdvancedSecurityMode());
        assertTrue(o.getDeletionProtection() == null || "INACTIVE".equals(o.getDeletionProtection()));
        assertEquals("OFF", o.getMfaConfiguration());

        assertTrue(h.isAllowAdminCreateUserOnly());
        assertEquals(12, h.getPasswordMinLength());
        assertTrue(h.isRequireUppercase() && h.isRequireLowercase() && h.isRequireNumbers() && h.isRequireSymbols());
        assertEquals(3, h.getTemporaryPasswordValidityDays());
        assertEquals("ON", h.getMfaConfiguration(), "GetUserPoolMfaConfig is authoritative");
        assertTrue(h.isTotpMfaEnabled());
        assertFalse(h.isSmsMfaEnabled());
        assertEquals("ACTIVE", h.getDeletionProtection());
        assertEquals("ENFORCED", h.getAdvancedSecurityMode());
        assertEquals("genu", h.getTags().get("app"));

        List<UserPoolClient> clients = s.getFacts().getUserPoolClients();
        assertEquals(2, clients.size());
        UserPoolClient web = clients.stream().filter(x -> x.getClientName().equals("web")).findFirst().orElseThrow();
        assertEquals(30, web.getAccessTokenMinutes());
        assertEquals(30, web.getIdTokenMinutes());
        assertEquals(1440, web.getRefreshTokenMinutes());
        assertEquals("ENABLED", web.getPreventUserExistenceErrors());
        assertTrue(web.isEnableTokenRevocation());
        assertEquals(h.getArn(), web.getUserPoolArn());
    }
}
