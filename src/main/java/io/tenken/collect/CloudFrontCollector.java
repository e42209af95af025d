package io.tenken.collect;

import io.tenken.facts.CloudFrontDistribution;
import io.tenken.facts.CloudFrontOrigin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.Delivery;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeliveryDestination;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeliverySource;

/**
 * CloudFront distributions from the ListDistributions summaries (one call per page; origins,
 * viewer policy, web ACL), plus GetDistributionConfig per distribution for its legacy logging,
 * and, once per scan, the CloudWatch Logs deliveries of standard logging v2 (three listings in
 * the global region, joined here: source → delivery → destination).
 */
public final class CloudFrontCollector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("cloudfront")
            .lists("ListDistributions", "cloudfront:ListDistributions", CloudFrontDistribution.class)
            .fills("GetDistributionConfig", "cloudfront:GetDistributionConfig", CloudFrontDistribution.class,
                    "standardLogging", "standardLoggingBucket")
            // Standard logging v2: any of the three listings failing leaves every distribution's
            // deliveries unknown (a delivery missing from an incomplete listing proves nothing).
            .fillsRegion("logs:DescribeDeliverySources", "logs:DescribeDeliverySources", CloudFrontDistribution.class,
                    "accessLogDeliveries")
            .fillsRegion("logs:DescribeDeliveries", "logs:DescribeDeliveries", CloudFrontDistribution.class,
                    "accessLogDeliveries")
            .fillsRegion("logs:DescribeDeliveryDestinations", "logs:DescribeDeliveryDestinations",
                    CloudFrontDistribution.class, "accessLogDeliveries");

    @Override
    public Calls calls() {
        return CALLS;
    }

    @Override
    public String service() {
        return "cloudfront";
    }

    @Override
    public List<String> units(List<String> scanRegions) {
        return List.of(io.tenken.facts.Resource.GLOBAL);
    }

    private static List<DistributionSummary> list(CloudFrontClient c) {
        List<DistributionSummary> out = new java.util.ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            var page = c.listDistributions(r -> r.maxItems("1000").marker(m)).distributionList();
            if (page.items() != null) {
                out.addAll(page.items());
            }
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextMarker() : null;
        } while (marker != null && !marker.isEmpty());
        return out;
    }

    @Override
    public void collect(ServiceRun run, String unit, FactSink sink) {
        CloudFrontClient c = run.clients().cloudfront();
        List<DistributionSummary> ds = run.call(unit, "ListDistributions", null, () -> list(c));
        if (ds == null) {
            return;
        }
        Map<String, List<String>> deliveries = ds.isEmpty() ? Map.of() : accessLogDeliveries(run, unit);
        run.forEach(ds, d -> {
            var vc = d.viewerCertificate();
            String arn = d.arn() != null && d.arn().startsWith("arn:") ? d.arn()
                    : "arn:" + run.partition() + ":cloudfront::" + run.accountId() + ":distribution/" + d.id();
            // Standard logging is not in the summary: one GetDistributionConfig per distribution,
            // read for CLOUDFRONT-03 (logging) only.
            var config = run.call(unit, "GetDistributionConfig", arn,
                    () -> c.getDistributionConfig(r -> r.id(d.id())).distributionConfig());
            var logging = config == null ? null : config.logging();
            sink.distributions.add(CloudFrontDistribution.builder()
                    .origins(origins(d))
                    .standardLogging(config == null ? null : logging != null && Boolean.TRUE.equals(logging.enabled()))
                    .standardLoggingBucket(logging == null || !Boolean.TRUE.equals(logging.enabled())
                            || logging.bucket() == null || logging.bucket().isBlank() ? null : logging.bucket())
                    .realtimeLogConfigArn(d.defaultCacheBehavior() == null
                            || d.defaultCacheBehavior().realtimeLogConfigArn() == null
                            || d.defaultCacheBehavior().realtimeLogConfigArn().isBlank() ? null
                            : d.defaultCacheBehavior().realtimeLogConfigArn())
                    .accessLogDeliveries(deliveries == null ? null : deliveries.getOrDefault(arn, List.of()))
                    .id(d.id()).arn(arn).domainName(d.domainName())
                    .aliases(d.aliases() == null || d.aliases().items() == null ? List.of() : List.copyOf(d.aliases().items()))
                    .enabled(Boolean.TRUE.equals(d.enabled()))
                    .webAclId(d.webACLId() == null || d.webACLId().isBlank() ? null : d.webACLId())
                    .viewerProtocolPolicy(weakestViewerPolicy(d))
                    .minimumProtocolVersion(vc == null ? null : vc.minimumProtocolVersionAsString())
                    .defaultCertificate(vc != null && Boolean.TRUE.equals(vc.cloudFrontDefaultCertificate()))
                    .build());
        });
    }

    /**
     * Standard logging v2, per distribution ARN: every delivery of an ACCESS_LOGS delivery source
     * that names the distribution, as "TYPE destination" (the destination resource's ARN, or the
     * delivery destination's own ARN when it is not in this account's listing, e.g. another
     * account's). Null when one of the three listings failed (recorded; see CALLS).
     */
    static Map<String, List<String>> accessLogDeliveries(ServiceRun run, String unit) {
        CloudWatchLogsClient logs = run.clients().cloudFrontDeliveryLogs();
        List<DeliverySource> sources = run.call(unit, "logs:DescribeDeliverySources", null,
                () -> logs.describeDeliverySourcesPaginator(r -> r.limit(50)).deliverySources().stream().toList());
        List<Delivery> deliveries = sources == null ? null : run.call(unit, "logs:DescribeDeliveries", null,
                () -> logs.describeDeliveriesPaginator(r -> r.limit(50)).deliveries().stream().toList());
        List<DeliveryDestination> destinations = deliveries == null ? null
                : run.call(unit, "logs:DescribeDeliveryDestinations", null,
                        () -> logs.describeDeliveryDestinationsPaginator(r -> r.limit(50)).deliveryDestinations().stream().toList());
        if (destinations == null) {
            return null;
        }
        Map<String, String> destinationResource = new HashMap<>();
        for (DeliveryDestination dd : destinations) {
            if (dd.arn() != null && dd.deliveryDestinationConfiguration() != null
                    && dd.deliveryDestinationConfiguration().destinationResourceArn() != null) {
                destinationResource.put(dd.arn(), dd.deliveryDestinationConfiguration().destinationResourceArn());
            }
        }
        Map<String, List<String>> bySource = new HashMap<>();
        for (Delivery d : deliveries) {
            if (d.deliverySourceName() != null && d.deliveryDestinationArn() != null) {
                bySource.computeIfAbsent(d.deliverySourceName(), k -> new ArrayList<>()).add(d.deliveryDestinationTypeAsString()
                        + " " + destinationResource.getOrDefault(d.deliveryDestinationArn(), d.deliveryDestinationArn()));
            }
        }
        Map<String, List<String>> out = new HashMap<>();
        for (DeliverySource s : sources) {
            if (!"ACCESS_LOGS".equals(s.logType()) || s.resourceArns() == null) {
                continue;
            }
            for (String arn : s.resourceArns()) {
                out.computeIfAbsent(arn, k -> new ArrayList<>()).addAll(bySource.getOrDefault(s.name(), List.of()));
            }
        }
        out.replaceAll((arn, list) -> list.stream().sorted().distinct().toList());
        return out;
    }

    static List<CloudFrontOrigin> origins(DistributionSummary d) {
        if (d.origins() == null || d.origins().items() == null) {
            return List.of();
        }
        return d.origins().items().stream().map(o -> CloudFrontOrigin.builder().id(o.id()).domainName(o.domainName())
                .originAccessControlId(o.originAccessControlId() == null || o.originAccessControlId().isBlank()
                        ? null : o.originAccessControlId())
                .s3OriginConfig(o.s3OriginConfig() != null)
                .originAccessIdentity(o.s3OriginConfig() == null || o.s3OriginConfig().originAccessIdentity() == null
                        || o.s3OriginConfig().originAccessIdentity().isBlank() ? null
                        : o.s3OriginConfig().originAccessIdentity())
                .build()).toList();
    }

    private static final List<String> STRENGTH = List.of("allow-all", "redirect-to-https", "https-only");

    /** The weakest viewer protocol policy over the default and every path cache behaviour. */
    static String weakestViewerPolicy(DistributionSummary d) {
        List<String> policies = new java.util.ArrayList<>();
        if (d.defaultCacheBehavior() != null) {
            policies.add(d.defaultCacheBehavior().viewerProtocolPolicyAsString());
        }
        if (d.cacheBehaviors() != null && d.cacheBehaviors().items() != null) {
            d.cacheBehaviors().items().forEach(b -> policies.add(b.viewerProtocolPolicyAsString()));
        }
        return policies.stream().filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.comparingInt(p -> STRENGTH.indexOf(p) < 0 ? -1 : STRENGTH.indexOf(p)))
                .orElse(null);
    }
}
