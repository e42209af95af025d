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
        return distribution(cf, ref, webAclArn, viewerPolicy, defaultCert, false);
    }

    /**
     * {@code hardened}: standard logging on, and a custom origin instead of the S3 one: moto 5.2.5
     * drops OriginAccessControlId, so an S3 origin it stores always reads as reached without origin
     * access control (CLOUDFRONT-02's S3 cases are covered by its fixtures and CloudFrontOriginsTest).
     */
    static String distribution(CloudFrontClient cf, String ref, String webAclArn, String viewerPolicy, boolean defaultCert,
                               boolean hardened) {
        return cf.createDistribution(r -> r.distributionConfig(d -> {
            d.callerReference(ref).comment(ref).enabled(true)
                    .origins(o -> o.quantity(1).items(i -> {
                        if (hardened) {
                            i.id("s3").domainName("app-" + ref + ".example.com").customOriginConfig(c -> c
                                    .httpPort(80).httpsPort(443).originProtocolPolicy("https-only"));
                        } else {
                            i.id("s3").domainName("web-" + ref + ".s3.amazonaws.com")
                                    .s3OriginConfig(s -> s.originAccessIdentity(""));
                        }
                    }))
                    .defaultCacheBehavior(b -> b.targetOriginId("s3").viewerProtocolPolicy(viewerPolicy)
                            .minTTL(0L).forwardedValues(f -> f.queryString(false).cookies(c -> c.forward("none")))
                            .trustedSigners(t -> t.enabled(false).quantity(0)))
                    .webACLId(webAclArn == null ? "" : webAclArn);
            if (hardened) {
                d.logging(l -> l.enabled(true).includeCookies(false).bucket("genu-cf-logs.s3.amazonaws.com").prefix("cf/"));
            }
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
