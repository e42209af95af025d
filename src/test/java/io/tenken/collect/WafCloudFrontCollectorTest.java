package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.CloudFrontDistribution;
import io.tenken.facts.WafRule;
import io.tenken.facts.WebAcl;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.Scope;

@ExtendWith(MotoServerExtension.class)
class WafCloudFrontCollectorTest {
    @Test
    void collectsAclsRulesIpSetsLoggingAndAssociations() {
        Wafv2Client edge = Moto.client(Wafv2Client.builder(), "us-east-1");
        Wafv2Client tokyo = Moto.client(Wafv2Client.builder(), "ap-northeast-1");
        var cfAcl = Seeds.allowlistAcl(edge, Scope.CLOUDFRONT, "genu-cf", "203.0.113.0/24", true);
        var regional = Seeds.allowlistAcl(tokyo, Scope.REGIONAL, "genu-regional", "198.51.100.0/24", false);
        // Logging on the CloudFront ACL only (a CloudWatch Logs group named aws-waf-logs-*).
        CloudWatchLogsClient logs = Moto.client(CloudWatchLogsClient.builder(), "us-east-1");
        logs.createLogGroup(r -> r.logGroupName("aws-waf-logs-genu"));
        edge.putLoggingConfiguration(r -> r.loggingConfiguration(l -> l.resourceArn(cfAcl.arn())
                .logDestinationConfigs("arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-genu")));
        // Regional ACL protects a user pool.
        var cognito = Moto.client(CognitoIdentityProviderClient.builder(), "ap-northeast-1");
        String pool = cognito.createUserPool(r -> r.poolName("p")).userPool().arn();
        tokyo.associateWebACL(r -> r.webACLArn(regional.arn()).resourceArn(pool));
        CloudFrontClient cf = Moto.client(CloudFrontClient.builder(), "us-east-1");
        String protectedId = Seeds.distribution(cf, "protected", cfAcl.arn(), "redirect-to-https", false);
        String openId = Seeds.distribution(cf, "open", null, "allow-all", true);

        var s = ScanTestSupport.scan(List.of("wafv2", "cloudfront"), "ap-northeast-1");

        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        assertEquals(List.of("ap-northeast-1", "us-east-1"), s.getServices().get("wafv2").getRegions());
        // The collectors record what each API says; the CloudFront side of the join is the derive stage's.
        assertTrue(s.getFacts().getWebAcls().stream().filter(a -> a.getScope().equals("CLOUDFRONT"))
                .allMatch(a -> a.getAssociatedResourceArns().isEmpty()));
        List<WebAcl> acls = io.tenken.derive.Derive.apply(s).getFacts().getWebAcls();
        assertEquals(2, acls.size());
        WebAcl c = acls.stream().filter(a -> a.getScope().equals("CLOUDFRONT")).findFirst().orElseThrow();
        WebAcl r = acls.stream().filter(a -> a.getScope().equals("REGIONAL")).findFirst().orElseThrow();
        assertEquals("BLOCK", c.getDefaultAction());
        assertTrue(c.isLoggingEnabled());
        assertFalse(r.isLoggingEnabled());
        assertEquals("us-east-1", c.getRegion());
        assertEquals("ap-northeast-1", r.getRegion());
        String protectedArn = "arn:aws:cloudfront::" + Moto.ACCOUNT + ":distribution/" + protectedId;
        assertEquals(List.of(protectedArn), c.getAssociatedResourceArns());
        assertEquals(List.of(pool), r.getAssociatedResourceArns());

        List<WafRule> rules = s.getFacts().getWafRules().stream().filter(x -> x.getWebAclArn().equals(c.getArn())).toList();
        assertEquals(List.of(1, 2, 3, 10), rules.stream().map(WafRule::getPriority).toList());
        assertEquals("RATE_BASED", rules.get(0).getStatement().getKind());
        assertEquals(1000L, rules.get(0).getStatement().getRateLimit());
        assertEquals("MANAGED_RULE_GROUP", rules.get(1).getStatement().getKind());
        assertEquals("AWSManagedRulesCommonRuleSet", rules.get(1).getStatement().getManagedGroupName());
        assertEquals(List.of("SizeRestrictions_BODY"), rules.get(1).getStatement().getCountOverriddenRules());
        assertEquals("NONE", rules.get(1).getOverrideAction());
        assertNull(rules.get(1).getAction());
        assertEquals("NOT", rules.get(2).getStatement().getKind());
        assertEquals(List.of("JP"), rules.get(2).getStatement().getChildren().get(0).getCountryCodes());
        assertEquals("ALLOW", rules.get(3).getAction());
        assertEquals(1, rules.get(3).getIpSetArns().size());

        assertEquals(2, s.getFacts().getIpSets().size());
        assertTrue(s.getFacts().getIpSets().stream().anyMatch(i -> i.getAddresses().equals(List.of("203.0.113.0/24"))
                && i.getScope().equals("CLOUDFRONT") && i.getIpAddressVersion().equals("IPV4")));

        List<CloudFrontDistribution> ds = s.getFacts().getCloudFrontDistributions();
        assertEquals(2, ds.size());
        CloudFrontDistribution p = ds.stream().filter(d -> d.getId().equals(protectedId)).findFirst().orElseThrow();
        CloudFrontDistribution o = ds.stream().filter(d -> d.getId().equals(openId)).findFirst().orElseThrow();
        assertEquals(cfAcl.arn(), p.getWebAclId());
        assertEquals("redirect-to-https", p.getViewerProtocolPolicy());
        assertEquals("TLSv1.2_2021", p.getMinimumProtocolVersion());
        assertNull(o.getWebAclId());
        assertEquals("allow-all", o.getViewerProtocolPolicy());
        assertTrue(o.isDefaultCertificate());
        assertEquals(1 + 2 + 3, s.getServices().get("cloudfront").getApiCalls(),
                "one ListDistributions call, one GetDistributionConfig per distribution (logging: CLOUDFRONT-03),"
                        + " one page each of the three CloudWatch Logs delivery listings (standard logging v2)");
    }
}
