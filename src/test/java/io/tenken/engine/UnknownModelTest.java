package io.tenken.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.TestSnapshots;
import io.tenken.facts.BedrockLoggingConfig;
import io.tenken.facts.Bucket;
import io.tenken.facts.CollectionError;
import io.tenken.facts.Guardrail;
import io.tenken.facts.Unknown;
import io.tenken.facts.WafRule;
import io.tenken.facts.WafStatement;
import io.tenken.facts.WebAcl;
import io.tenken.findings.Finding;
import io.tenken.findings.Status;
import io.tenken.policy.Policy;
import io.tenken.snapshot.Facts;
import io.tenken.snapshot.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one model of "unknown": each defect of issue 9 that it fixes, reproduced. */
class UnknownModelTest {
    static RulePack pack;
    static final String R = "us-east-1";

    @BeforeAll
    static void load() {
        pack = RulePack.bundled();
    }

    static Snapshot snapshot(Facts facts, CollectionError... errors) {
        return TestSnapshots.withFacts(facts).toBuilder().regions(List.of(R)).errors(List.of(errors)).build();
    }

    static Map<String, Finding> findings(Snapshot s, String rule) {
        return new Evaluator(pack).evaluate(s, Policy.defaults()).stream()
                .filter(f -> f.ruleId().equals(rule))
                .collect(Collectors.toMap(Finding::resourceId, f -> f, (a, b) -> a, java.util.TreeMap::new));
    }

    static CollectionError error(String service, String operation, String resourceId) {
        return CollectionError.builder().service(service).region(R).operation(operation).errorCode("AccessDenied")
                .message("denied").resourceId(resourceId).build();
    }

    static Bucket bucket(String name) {
        return Bucket.builder().name(name).arn("arn:aws:s3:::" + name).region(R).encryptionAlgorithm("AES256")
                .build();
    }

    static final BedrockLoggingConfig TO_S3 = BedrockLoggingConfig.builder().accountId("123456789012").region(R)
            .configured(true).s3BucketName("invocations").textDataDelivery(true).build();

    @Test
    void failedLifecycleReadOnTheLogBucketMakesBedrock02ErrorNotPass() {
        Snapshot s = snapshot(Facts.builder().bedrockLoggingConfigs(List.of(TO_S3))
                        .buckets(List.of(bucket("invocations"))).build(),
                error("s3", "GetBucketLifecycleConfiguration", "arn:aws:s3:::invocations"));
        Finding f = findings(s, "BEDROCK-02").get(TO_S3.getResourceId());
        assertEquals(Status.ERROR, f.status(), text(f));
        assertTrue(text(f).contains("arn:aws:s3:::invocations lifecycleExpirationDays unknown"), text(f));
        assertTrue(text(f).contains("GetBucketLifecycleConfiguration"), text(f));
        // A verdict that did not read the lifecycle is untouched.
        assertEquals(Status.PASS, findings(s, "S3-01").get("arn:aws:s3:::invocations").status());
    }

    @Test
    void unknownFieldsAreScopedToTheFieldsTheCallFills() {
        Snapshot s = snapshot(Facts.builder().buckets(List.of(bucket("a"))).build(),
                error("s3", "GetBucketLifecycleConfiguration", "arn:aws:s3:::a"));
        assertEquals(Status.PASS, findings(s, "S3-01").get("arn:aws:s3:::a").status());
        assertEquals(Status.FAIL, findings(s, "S3-04").get("arn:aws:s3:::a").status());
    }

    @Test
    void unknownFieldWrittenBySourceIsEnforcedLikeAFailedCall() {
        Bucket b = bucket("a").withUnknown(Map.of("encryptionAlgorithm",
                Unknown.expression("{\"Fn::ImportValue\":\"Enc\"}", "Stack/Bucket")));
        Finding f = findings(snapshot(Facts.builder().buckets(List.of(b)).build()), "S3-01").get("arn:aws:s3:::a");
        assertEquals(Status.ERROR, f.status());
        assertTrue(text(f).contains("unresolved expression {\"Fn::ImportValue\":\"Enc\"} at Stack/Bucket"),
                text(f));
    }

    @Test
    void failedLoggingReadOnASourceBucketDoesNotMakeTheTargetsS306FailVanish() {
        // "target" is a log bucket only because "source" logs to it; GetBucketLogging on source failed.
        Snapshot s = snapshot(Facts.builder().buckets(List.of(bucket("source"), bucket("target"))).build(),
                error("s3", "GetBucketLogging", "arn:aws:s3:::source"));
        Map<String, Finding> f = findings(s, "S3-06");
        assertTrue(f.values().stream().anyMatch(x -> x.status() == Status.ERROR
                && text(x).contains("accessLogTargetBucket unknown")), f.toString());
        assertFalse(f.values().stream().anyMatch(x -> x.status() == Status.PASS), f.toString());
    }

    @Test
    void failedIpSetReadIsErrorNotAFalseFail() {
        String setArn = "arn:aws:wafv2:us-east-1:123456789012:global/ipset/allow/1";
        WebAcl acl = WebAcl.builder().arn("arn:aws:wafv2:us-east-1:123456789012:global/webacl/acl/1").id("1")
                .name("acl").scope("CLOUDFRONT").region(R).defaultAction("BLOCK").build();
        WafRule allow = WafRule.builder().webAclArn(acl.getArn()).name("allow").priority(0).action("ALLOW")
                .statement(WafStatement.builder().kind("IP_SET").ipSetArn(setArn).build()).build();
        for (String op : List.of("GetIPSet", "ListIPSets")) {
            Snapshot s = snapshot(Facts.builder().webAcls(List.of(acl)).wafRules(List.of(allow)).build(),
                    error("wafv2", op, op.equals("GetIPSet") ? setArn : null));
            Finding f = findings(s, "WAF-01").get(acl.getArn());
            assertEquals(Status.ERROR, f.status(), op + ": " + text(f));
            assertTrue(text(f).contains("IpSet list incomplete in us-east-1: collection failed: wafv2 " + op), text(f));
        }
    }

    @Test
    void failedGuardrailListingTouchesOnlyGuardrailVerdictsWithOneRowPerRegion() {
        Snapshot clean = snapshot(Facts.builder().bedrockLoggingConfigs(List.of(TO_S3))
                .buckets(List.of(bucket("invocations"))).build());
        Snapshot failed = clean.toBuilder().errors(List.of(error("bedrock", "ListGuardrails", null))).build();
        for (String rule : List.of("BEDROCK-01", "BEDROCK-02", "S3-06")) {
            assertEquals(statuses(findings(clean, rule)), statuses(findings(failed, rule)), rule);
        }
        Map<String, Finding> b3 = findings(failed, "BEDROCK-03");
        assertEquals(Map.of("123456789012/" + R, Status.ERROR), statuses(b3));
    }

    @Test
    void errorsOfOldSnapshotsThatOnlyNameAResourceStillFailClosed() {
        Snapshot s = snapshot(Facts.builder().buckets(List.of(bucket("a"))).build(),
                error("s3", "SomeOperationThisTenkenDoesNotKnow", "arn:aws:s3:::a"));
        assertEquals(Status.ERROR, findings(s, "S3-01").get("arn:aws:s3:::a").status());
        Snapshot regionWide = snapshot(Facts.builder().buckets(List.of(bucket("a"))).build(),
                CollectionError.builder().service("s3").region("global").operation("collect").errorCode("CollectorFailure")
                        .message("boom").build());
        assertEquals(Status.ERROR, findings(regionWide, "S3-01").get("arn:aws:s3:::a").status());
    }

    @Test
    void guardrailFieldsUnknownMakeBedrock03Error() {
        Guardrail g = Guardrail.builder().id("g").arn("arn:aws:bedrock:us-east-1:123456789012:guardrail/g").name("g")
                .region(R).build();
        Snapshot s = snapshot(Facts.builder().guardrails(List.of(g)).build(),
                error("bedrock", "GetGuardrail", g.getArn()));
        assertEquals(Status.ERROR, findings(s, "BEDROCK-03").get("123456789012/" + R).status());
    }

    @Test
    void annotatedSnapshotCarriesTheUnknownFieldsWithProvenance() throws Exception {
        Snapshot s = snapshot(Facts.builder().buckets(List.of(bucket("a"))).build(),
                error("s3", "GetBucketLifecycleConfiguration", "arn:aws:s3:::a"));
        Snapshot annotated = UnknownAnnotator.annotate(s);
        Unknown why = annotated.getFacts().getBuckets().get(0).getUnknown().get("lifecycleExpirationDays");
        assertEquals("GetBucketLifecycleConfiguration", why.getOperation());
        assertEquals("AccessDenied", why.getErrorCode());
        var json = io.tenken.Json.MAPPER.valueToTree(annotated.getFacts().getBuckets().get(0));
        assertEquals("collection", json.at("/unknown/lifecycleExpirationDays/source").asText(), json.toString());
        assertEquals("s3", json.at("/unknown/lifecycleExpirationDays/service").asText(), json.toString());
        String clean = io.tenken.Json.MAPPER.writeValueAsString(bucket("b"));
        assertFalse(clean.contains("unknown"), clean);
    }

    /** The finding's observed evidence in English (and checked to exist in Japanese). */
    static String text(Finding f) {
        pack.messages().texts("ja").format(f.observed());
        return pack.messages().texts("en").format(f.observed());
    }

    static Map<String, Status> statuses(Map<String, Finding> f) {
        return f.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().status(),
                (a, b) -> a, java.util.TreeMap::new));
    }
}
