package io.tenken.collect;

import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.WebACL;

/** Seeding shapes shared by tests and the benchmark. */
final class Seeds {
    private Seeds() {
    }

    static String distribution(CloudFrontClient cf, String ref, String webAclArn, String viewerPolicy, boolean defaultCert) {
        return cf.createDistribution(r -> r.distributionConfig(d -> {
            d.callerReference(ref).comment(ref).enabled(true)
                    .origins(o -> o.quantity(1).items(i -> i.id("s3").domainName("web-" + ref + ".s3.amazonaws.com")
                            .s3OriginConfig(s -> s.originAccessIdentity(""))))
                    .defaultCacheBehavior(b -> b.targetOriginId("s3").viewerProtocolPolicy(viewerPolicy)
                            .minTTL(0L).forwardedValues(f -> f.queryString(false).cookies(c -> c.forward("none")))
                            .trustedSigners(t -> t.enabled(false).quantity(0)))
                    .webACLId(webAclArn == null ? "" : webAclArn);
            if (defaultCert) {
                d.viewerCertificate(v -> v.cloudFrontDefaultCertificate(true));
            } else {
                d.viewerCertificate(v -> v.acmCertificateArn("arn:aws:acm:us-east-1:123456789012:certificate/x")
                        .sslSupportMethod("sni-only").minimumProtocolVersion("TLSv1.2_2021"));
            }
        })).distribution().id();
    }

    /** GenU-style allowlist ACL: default Block, Allow rule on an IP set. */
    static WebACL allowlistAcl(Wafv2Client waf, Scope scope, String name, String cidr, boolean hardened) {
        var ipSet = waf.createIPSet(r -> r.name(name + "-ipv4").scope(scope).ipAddressVersion("IPV4")
                .addresses(cidr)).summary();
        var summary = waf.createWebACL(r -> {
            r.name(name).scope(scope).defaultAction(a -> a.block(b -> { }))
                    .visibilityConfig(v -> v.cloudWatchMetricsEnabled(false).sampledRequestsEnabled(false).metricName(name));
            java.util.List<software.amazon.awssdk.services.wafv2.model.Rule> rules = new java.util.ArrayList<>();
            rules.add(software.amazon.awssdk.services.wafv2.model.Rule.builder().name("allow-office").priority(10)
                    .action(a -> a.allow(x -> { }))
                    .statement(s -> s.ipSetReferenceStatement(i -> i.arn(ipSet.arn())))
                    .visibilityConfig(v -> v.cloudWatchMetricsEnabled(false).sampledRequestsEnabled(false).metricName("o"))
                    .build());
            if (hardened) {
                rules.add(software.amazon.awssdk.services.wafv2.model.Rule.builder().name("rate").priority(1)
                        .action(a -> a.block(x -> { }))
                        .statement(s -> s.rateBasedStatement(rb -> rb.limit(1000L).aggregateKeyType("IP")))
                        .visibilityConfig(v -> v.cloudWatchMetricsEnabled(false).sampledRequestsEnabled(false).metricName("r"))
                        .build());
                rules.add(software.amazon.awssdk.services.wafv2.model.Rule.builder().name("common").priority(2)
                        .overrideAction(o -> o.none(n -> { }))
                        .statement(s -> s.managedRuleGroupStatement(m -> m.vendorName("AWS").name("AWSManagedRulesCommonRuleSet")
                                .ruleActionOverrides(o -> o.name("SizeRestrictions_BODY").actionToUse(u -> u.count(c -> { })))))
                        .visibilityConfig(v -> v.cloudWatchMetricsEnabled(false).sampledRequestsEnabled(false).metricName("c"))
                        .build());
                rules.add(software.amazon.awssdk.services.wafv2.model.Rule.builder().name("geo").priority(3)
                        .action(a -> a.block(x -> { }))
                        .statement(s -> s.notStatement(n -> n.statement(st -> st.geoMatchStatement(g -> g.countryCodesWithStrings("JP")))))
                        .visibilityConfig(v -> v.cloudWatchMetricsEnabled(false).sampledRequestsEnabled(false).metricName("g"))
                        .build());
            }
            r.rules(rules);
        }).summary();
        return WebACL.builder().arn(summary.arn()).id(summary.id()).name(summary.name()).build();
    }
}
