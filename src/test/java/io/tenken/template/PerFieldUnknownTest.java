package io.tenken.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.Unknown;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.Status;
import io.tenken.snapshot.Snapshot;
import io.tenken.snapshot.TemplateResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An unresolved template value makes only the fact fields it fills unknown (the one model of
 * "unknown" a failed call also goes through): the verdict that read it is ERROR with the
 * expression and its file:line, a verdict on the same resource that did not read it stands.
 */
class PerFieldUnknownTest {
    static final Snapshot S = TemplateResolutionTest.snapshot(TemplateResolutionTest.DIR.resolve("resolution/per-field.yaml"));
    static final Report R = TemplateResolutionTest.report(S);

    static Finding finding(String rule, String resource) {
        return R.findings().stream().filter(f -> f.ruleId().equals(rule) && f.resourceId().equals(resource))
                .findFirst().orElseThrow(() -> new AssertionError(rule + " " + resource + " not in " + R.findings()));
    }

    @Test
    void anUnresolvedMfaSettingMakesOnlyTheMfaVerdictError() {
        Finding mfa = finding("COGNITO-02", "per-field/Pool");
        assertEquals(Status.ERROR, mfa.status(), R.text(mfa.observed()));
        String why = R.text(mfa.observed());
        assertTrue(why.contains("mfaConfiguration"), why);
        assertTrue(why.contains("{\"Fn::ImportValue\":\"MfaModeNobodyExports\"}"), why);
        assertTrue(why.matches("(?s).*per-field\\.yaml:\\d+ Pool\\.MfaConfiguration.*"), why);
        // The same pool's other verdicts read known fields: they stand.
        assertEquals(Status.PASS, finding("COGNITO-01", "per-field/Pool").status());
        assertEquals(Status.PASS, finding("COGNITO-07", "per-field/Pool").status());
        Finding password = finding("COGNITO-03", "per-field/Pool");
        assertEquals(Status.FAIL, password.status(), R.text(password.observed()));
        // Unknown, not absent: no "absent = OFF" default is claimed for it.
        assertFalse(mfa.location().defaults().stream().anyMatch(d -> d.startsWith("MfaConfiguration")),
                mfa.location().defaults().toString());
    }

    @Test
    void theFactCarriesTheUnknownFieldWithItsExpressionAndPlace() {
        var pool = S.getFacts().getUserPools().get(0);
        Unknown u = pool.getUnknown().get("mfaConfiguration");
        assertEquals(Unknown.EXPRESSION, u.getSource());
        assertTrue(u.getExpression().contains("MfaModeNobodyExports"), u.getExpression());
        assertTrue(u.getLocation().startsWith("template "), u.getLocation());
        assertEquals(Map.of("mfaConfiguration", u), pool.getUnknown(), "nothing else of the pool is unknown");
        // The snapshot still lists what the templates leave open.
        assertTrue(S.getErrors().stream().anyMatch(e -> "per-field/Pool".equals(e.getResourceId())
                && Unknown.UNRESOLVED_CODE.equals(e.getErrorCode())), S.getErrors().toString());
    }

    @Test
    void derivedTokenDurationsFollowTheirUnresolvedValidity() {
        Finding tokens = finding("COGNITO-06", "per-field/Client");
        assertEquals(Status.ERROR, tokens.status(), R.text(tokens.observed()));
        assertTrue(R.text(tokens.observed()).contains("Settings"), R.text(tokens.observed()));
        assertEquals(Status.PASS, finding("COGNITO-09", "per-field/Client").status());
    }

    @Test
    void aCertificateKnownOnlyAtDeploymentLeavesTheProtocolVersionKnown() {
        Finding waf = finding("WAF-02", "per-field/Site");
        assertEquals(Status.ERROR, waf.status(), R.text(waf.observed()));
        assertTrue(R.text(waf.observed()).contains("webAclId"), R.text(waf.observed()));
        Finding tls = finding("CLOUDFRONT-01", "per-field/Site");
        assertEquals(Status.PASS, tls.status(), R.text(tls.observed()));
        TemplateResource where = S.getSource().getResources().stream()
                .filter(x -> x.getResourceId().equals("per-field/Site")).findFirst().orElseThrow();
        assertFalse(where.getDefaults().stream().anyMatch(d -> d.contains("MinimumProtocolVersion")), where.getDefaults().toString());
    }
}
