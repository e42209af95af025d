package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.CacheBehaviors;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;

/** A path behaviour that allows plain HTTP makes the whole distribution allow it. */
class CloudFrontViewerPolicyTest {
    @Test
    void weakestBehaviourWins() {
        DistributionSummary d = DistributionSummary.builder()
                .defaultCacheBehavior(DefaultCacheBehavior.builder().viewerProtocolPolicy("https-only").build())
                .cacheBehaviors(CacheBehaviors.builder().quantity(2).items(
                        CacheBehavior.builder().pathPattern("/api/*").viewerProtocolPolicy("redirect-to-https").build(),
                        CacheBehavior.builder().pathPattern("/legacy/*").viewerProtocolPolicy("allow-all").build()).build())
                .build();
        assertEquals("allow-all", CloudFrontCollector.weakestViewerPolicy(d));
        DistributionSummary onlyDefault = DistributionSummary.builder()
                .defaultCacheBehavior(DefaultCacheBehavior.builder().viewerProtocolPolicy("redirect-to-https").build()).build();
        assertEquals("redirect-to-https", CloudFrontCollector.weakestViewerPolicy(onlyDefault));
    }
}
