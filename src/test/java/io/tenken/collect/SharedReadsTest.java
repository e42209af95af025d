package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.CollectionError;
import io.tenken.facts.UserPool;
import io.tenken.facts.WebAcl;
import io.tenken.snapshot.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads two collectors need (a region's user pools, a pool's web ACL, a region's REST APIs and
 * an API's stages: Cognito and API Gateway for their facts, WAF for its associations) are sent
 * once a scan, counted under the service whose reads they are; a failed one is still recorded by
 * every collector that needed it, so each one's facts are unknown as before.
 */
@ExtendWith(MotoServerExtension.class)
class SharedReadsTest {
    static final String[] REGIONS = {GenuSeed.APP, GenuSeed.MODEL};

    @Test
    void readsSeveralCollectorsNeedAreSentOnce() {
        GenuSeed.seed(GenuSeed.Profile.HARDENED);
        try (GenuFront front = new GenuFront()) {
            Snapshot s = new Scanner().scan(options(front).build());
            assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
            Map<String, Long> hits = front.hits();
            long pools = s.getFacts().getUserPools().size();
            long apis = s.getFacts().getApiStages().stream().map(a -> a.getRestApiId()).distinct().count();
            long stages = s.getFacts().getApiStages().size();
            assertTrue(pools > 0 && stages > 0, "the GenU account has user pools and API stages");
            assertEquals(REGIONS.length, hits.get("cognito-idp:ListUserPools"), hits.toString());
            assertEquals(REGIONS.length, hits.get("apigateway:GetRestApis"), hits.toString());
            assertEquals(apis, hits.get("apigateway:GetStages"), hits.toString());
            assertEquals(pools + stages, hits.get("wafv2:GetWebACLForResource"), "one lookup a pool and a stage");

            // Counted once, under the service whose reads they are.
            var cognito = s.getServices().get("cognito-idp").getCalls();
            var waf = s.getServices().get("wafv2").getCalls();
            var api = s.getServices().get("apigateway").getCalls();
            assertEquals(REGIONS.length, cognito.get("CognitoIdentityProvider.ListUserPools"));
            assertEquals(pools, cognito.get("Wafv2.GetWebACLForResource"));
            assertEquals(stages, waf.get("Wafv2.GetWebACLForResource"));
            assertEquals(REGIONS.length, api.get("ApiGateway.GetRestApis"));
            assertTrue(waf.keySet().stream().allMatch(op -> op.startsWith("Wafv2.")), waf.toString());

            // WAF's associations still name the pools it protects, as Cognito's facts do.
            for (UserPool p : s.getFacts().getUserPools()) {
                if (p.getWebAclArn() != null) {
                    WebAcl acl = s.getFacts().getWebAcls().stream().filter(a -> a.getArn().equals(p.getWebAclArn()))
                            .findFirst().orElseThrow();
                    assertTrue(acl.getAssociatedResourceArns().contains(p.getArn()), acl.toString());
                }
            }
        }
    }

    @Test
    void aFailedSharedReadIsRecordedByEveryCollectorThatNeededIt() {
        GenuSeed.seed(GenuSeed.Profile.HARDENED);
        try (GenuFront front = new GenuFront()) {
            front.deny("cognito-idp:ListUserPools");
            Snapshot s = new Scanner().scan(options(front).services(List.of("cognito-idp", "wafv2")).build());
            assertEquals(REGIONS.length, front.hits().get("cognito-idp:ListUserPools"), "sent once a region");
            Set<String> recorded = s.getErrors().stream().map(SharedReadsTest::where).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = new TreeSet<>();
            for (String r : REGIONS) {
                expected.add("cognito-idp " + r + " ListUserPools");
                expected.add("wafv2 " + r + " cognito-idp:ListUserPools");
            }
            assertEquals(expected, recorded, () -> ScanTestSupport.describe(s.getErrors()));
            assertTrue(s.getFacts().getUserPools().isEmpty());
            // WAF's associations in those regions are unknown, not "nothing attached".
            List<WebAcl> regional = s.getFacts().getWebAcls().stream().filter(a -> "REGIONAL".equals(a.getScope())).toList();
            assertFalse(regional.isEmpty());
            for (WebAcl acl : regional) {
                assertTrue(acl.getUnknown().containsKey("associatedResourceArns"), acl.getArn() + " " + acl.getUnknown());
            }
        }
    }

    @Test
    void theFirstAskerReadsAndTheOthersWaitForItsAnswerEvenAFailedOne() throws Exception {
        SharedReads shared = new SharedReads();
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var first = pool.submit(() -> shared.get("k", () -> {
                reads.incrementAndGet();
                reading.countDown();
                await(release);
                return new SharedReads.Answer(Outcome.Kind.OK, "v", null, null);
            }));
            reading.await();
            List<java.util.concurrent.Future<SharedReads.Answer>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(pool.submit(() -> shared.get("k", () -> {
                    reads.incrementAndGet();
                    return SharedReads.Answer.failed("X", "not the first");
                })));
            }
            release.countDown();
            assertEquals("v", first.get().value());
            for (var o : others) {
                assertEquals("v", o.get().value());
            }
            assertEquals(1, reads.get());

            // A reader that throws: its asker sees the exception, the others a recorded failure.
            var broken = pool.submit(() -> shared.get("b", () -> {
                throw new IllegalStateException("unexpected answer");
            }));
            var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class, broken::get);
            assertTrue(e.getCause() instanceof IllegalStateException);
            SharedReads.Answer after = shared.get("b", () -> new SharedReads.Answer(Outcome.Kind.OK, "late", null, null));
            assertEquals(Outcome.Kind.FAILED, after.kind());
            assertEquals("CollectorFailure", after.errorCode());
            assertTrue(after.message().contains("unexpected answer"), after.message());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String where(CollectionError e) {
        return e.getService() + " " + e.getRegion() + " " + e.getOperation();
    }

    static ScanOptions.ScanOptionsBuilder options(GenuFront front) {
        return Moto.options(REGIONS).endpointUrl(front.endpoint()).rateLimited(false);
    }
}
