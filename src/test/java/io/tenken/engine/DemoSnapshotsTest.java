package io.tenken.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.findings.Finding;
import io.tenken.findings.Status;
import io.tenken.policy.Policy;
import io.tenken.snapshot.SnapshotReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled demo snapshots are the product's claim about GenU: the default deployment fails
 * exactly what a default GenU deployment should fail, and the hardened one fails nothing.
 */
class DemoSnapshotsTest {
    static final Path DEMO = Path.of("src/main/resources/demo");
    static Evaluator evaluator;

    /** What a default GenU deployment gets wrong, by checklist item (the list first). */
    static final Set<String> DEFAULT_GENU_FAILS = new TreeSet<>(Set.of(
            "COGNITO-01",    // self sign-up on (selfSignUpEnabled defaults to true)
            "WAF-02",        // no WAF: no allowlist parameter set, so GenU creates no web ACL
            "COGNITO-02",    // no MFA
            "COGNITO-07",    // no deletion protection
            "COGNITO-08",    // no threat protection
            "BEDROCK-01",    // no model invocation logging
            "CLOUDTRAIL-01", // no trail ...
            "CLOUDTRAIL-04", // ... so no Bedrock data events either
            "LOGS-01",       // Lambda and API Gateway log groups never expire
            "BEDROCK-03",    // guardrail (guardrailEnabled) filters PII only, no prompt attacks
            "IAM-01",        // Lambda roles get bedrock:* on *
            "IAM-03",        // ... which also lets them create, change and delete guardrails
            // Further true defaults of a GenU stack:
            "COGNITO-04",    // the CDK user pool requires 8 characters, below the recommended 12
            "COGNITO-06",    // refresh tokens keep Cognito's 30-day default
            "CLOUDFRONT-01", // the default *.cloudfront.net certificate allows TLSv1
            "S3-08",         // the web and CloudFront log buckets are created with ObjectWriter (ACLs on)
            "IAM-09",        // Lambda roles trust lambda.amazonaws.com without aws:SourceAccount
            // The serving side (rule pack 2):
            "APIGW-02",      // no web ACL on the API stage (no allowlist parameter set)
            "APIGW-03",      // no execution logging on the stage
            "APIGW-04",      // no access logging on the stage
            "COGNITO-10",    // no web ACL on the user pool either
            "DYNAMODB-01",   // the three tables have no point-in-time recovery ...
            "DYNAMODB-02",   // ... and no deletion protection
            "MONITORING-01", // GenU creates no alarms: not on the stage's 5XX ...
            "MONITORING-02", // ... nor on its functions' errors
            // Account level, not part of GenU's stack: a fresh account has none of them.
            "SECURITY-01", "SECURITY-02", "SECURITY-03", "SECURITY-04", "SECURITY-05"
    ));

    @BeforeAll
    static void load() {
        evaluator = new Evaluator(RulePack.bundled());
    }

    static List<Finding> evaluate(String sample) {
        return evaluator.evaluate(SnapshotReader.read(DEMO.resolve(sample + ".snapshot.json")).snapshot(),
                Policy.defaults());
    }

    static Set<String> rulesWith(List<Finding> findings, Status status) {
        return findings.stream().filter(f -> f.status() == status).map(Finding::ruleId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void defaultGenuFailsExactlyWhatGenuDefaultsGetWrong() {
        List<Finding> findings = evaluate("genu-default");
        assertEquals(DEFAULT_GENU_FAILS, rulesWith(findings, Status.FAIL));
        assertEquals(Set.of(), rulesWith(findings, Status.ERROR));
    }

    @Test
    void hardenedGenuPassesEverythingItIsCheckedOn() {
        List<Finding> findings = evaluate("genu-hardened");
        assertEquals(Set.of(), rulesWith(findings, Status.FAIL), "hardened must not fail");
        assertEquals(Set.of(), rulesWith(findings, Status.ERROR));
        Set<String> passed = rulesWith(findings, Status.PASS);
        assertTrue(passed.containsAll(DEFAULT_GENU_FAILS), "hardened passes every rule default GenU fails; missing: "
                + DEFAULT_GENU_FAILS.stream().filter(r -> !passed.contains(r)).toList());
    }
}
