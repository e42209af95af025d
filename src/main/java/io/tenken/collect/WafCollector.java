package io.tenken.collect;

import io.tenken.facts.IpSet;
import io.tenken.facts.WafRule;
import io.tenken.facts.WafStatement;
import io.tenken.facts.WebAcl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.IPSetSummary;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.RuleActionOverride;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.Statement;
import software.amazon.awssdk.services.wafv2.model.WebACL;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;

/**
 * WAFv2 web ACLs with rules, IP sets and logging. REGIONAL scope per region; CLOUDFRONT scope
 * once, through us-east-1 (unit {@value #CLOUDFRONT_UNIT}). Regional associations come from
 * GetWebACLForResource on each user pool and API Gateway REST API stage; CloudFront ones are
 * joined from the distributions' WebACLId by the scanner.
 */
public final class WafCollector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("wafv2")
            .lists("ListIPSets", "wafv2:ListIPSets", IpSet.class)
            .readsItem("GetIPSet", "wafv2:GetIPSet", IpSet.class)
            .lists("ListWebACLs", "wafv2:ListWebACLs", WebAcl.class, WafRule.class)
            .readsItem("GetWebACL", "wafv2:GetWebACL", WebAcl.class, WafRule.class)
            .fills("GetLoggingConfiguration", "wafv2:GetLoggingConfiguration", WebAcl.class, "loggingEnabled")
            .fillsRegion("cognito-idp:ListUserPools", "cognito-idp:ListUserPools", WebAcl.class, "associatedResourceArns")
            .fillsRegion("apigateway:GetRestApis", "apigateway:GET", WebAcl.class, "associatedResourceArns")
            .fillsRegion("apigateway:GetStages", "apigateway:GET", WebAcl.class, "associatedResourceArns")
            .fillsRegion("GetWebACLForResource", "wafv2:GetWebACLForResource", WebAcl.class, "associatedResourceArns");

    @Override
    public Calls calls() {
        return CALLS;
    }

    public static final String CLOUDFRONT_UNIT = "CLOUDFRONT";

    @Override
    public String service() {
        return "wafv2";
    }

    @Override
    public List<String> units(List<String> scanRegions) {
        List<String> u = new ArrayList<>(scanRegions);
        u.add(CLOUDFRONT_UNIT);
        return u;
    }

    /** Region of CLOUDFRONT-scope resources. */
    static String regionOf(String unit) {
        return CLOUDFRONT_UNIT.equals(unit) ? AwsClients.GLOBAL_CALL_REGION : unit;
    }

    @Override
    public void collect(ServiceRun run, String unit, FactSink sink) {
        boolean cf = CLOUDFRONT_UNIT.equals(unit);
        String region = regionOf(unit);
        Scope scope = cf ? Scope.CLOUDFRONT : Scope.REGIONAL;
        Wafv2Client c = run.clients().wafv2(region);

        List<IPSetSummary> sets = run.call(region, "ListIPSets", null,
                () -> pages(m -> c.listIPSets(r -> r.scope(scope).limit(100).nextMarker(m)),
                        r -> r.ipSets(), r -> r.nextMarker()));
        if (sets != null) {
            run.forEach(sets, s -> {
                var got = run.call(region, "GetIPSet", s.arn(), () -> c.getIPSet(r -> r.scope(scope).id(s.id()).name(s.name())).ipSet());
                if (got != null) {
                    sink.ipSets.add(IpSet.builder().arn(got.arn()).id(got.id()).name(got.name()).scope(scope.toString())
                            .region(region).ipAddressVersion(got.ipAddressVersionAsString())
                            .addresses(got.addresses().stream().sorted().toList()).build());
                }
            });
        }

        List<WebACLSummary> acls = run.call(region, "ListWebACLs", null,
                () -> pages(m -> c.listWebACLs(r -> r.scope(scope).limit(100).nextMarker(m)),
                        r -> r.webACLs(), r -> r.nextMarker()));
        if (acls == null) {
            return;
        }
        Map<String, List<String>> associations = cf ? Map.of() : associations(run, c, region);
        run.forEach(acls, a -> webAcl(run, c, region, scope, a, associations, sink));
    }

    private void webAcl(ServiceRun run, Wafv2Client c, String region, Scope scope, WebACLSummary a,
                        Map<String, List<String>> associations, FactSink sink) {
        var acl = run.call(region, "GetWebACL", a.arn(), () -> c.getWebACL(r -> r.scope(scope).id(a.id()).name(a.name())).webACL());
        if (acl == null) {
            return;
        }
        var logging = run.callOrAbsent(region, "GetLoggingConfiguration", a.arn(),
                () -> c.getLoggingConfiguration(r -> r.resourceArn(a.arn())).loggingConfiguration(),
                "WAFNonexistentItemException");
        String def = acl.defaultAction() == null ? null : acl.defaultAction().block() != null ? "BLOCK"
                : acl.defaultAction().allow() != null ? "ALLOW" : null;
        sink.webAcls.add(WebAcl.builder().arn(acl.arn()).id(acl.id()).name(acl.name()).scope(scope.toString()).region(region)
                .defaultAction(def)
                .loggingEnabled(logging.isOk() && logging.value() != null && logging.value().hasLogDestinationConfigs()
                        && !logging.value().logDestinationConfigs().isEmpty())
                .associatedResourceArns(associations.getOrDefault(acl.arn(), List.of()).stream().sorted().toList())
                .build());
        for (Rule rule : acl.rules()) {
            sink.wafRules.add(WafRule.builder().webAclArn(acl.arn()).name(rule.name())
                    .priority(rule.priority() == null ? 0 : rule.priority())
                    .action(action(rule))
                    .overrideAction(rule.overrideAction() == null ? null
                            : rule.overrideAction().count() != null ? "COUNT" : "NONE")
                    .statement(statement(rule.statement())).build());
        }
    }

    /** Web ACL ARN → protected resources, for user pools and API Gateway stages in this region. */
    private Map<String, List<String>> associations(ServiceRun run, Wafv2Client c, String region) {
        // Pools, APIs and stages are Cognito's and API Gateway's reads too: shared, sent once a scan.
        List<String> resources = new ArrayList<>();
        List<String> pools = new ArrayList<>();
        var listed = CognitoCollector.userPools(run, region, "cognito-idp:ListUserPools");
        if (listed.isOk()) {
            listed.value().forEach(p -> pools.add(run.arn("cognito-idp", region, "userpool/" + p.id())));
        }
        var apis = ApiGatewayCollector.restApis(run, region, "apigateway:GetRestApis");
        if (apis.isOk()) {
            for (var a : apis.value()) {
                var stages = ApiGatewayCollector.stages(run, region, "apigateway:GetStages", null, a.id());
                if (stages.isOk()) {
                    stages.value().forEach(s -> resources.add("arn:" + run.partition() + ":apigateway:" + region
                            + "::/restapis/" + a.id() + "/stages/" + s.stageName()));
                }
            }
        }
        Map<String, List<String>> out = new ConcurrentHashMap<>();
        run.forEach(pools, pool -> associate(out, pool,
                CognitoCollector.webAclOf(run, region, "GetWebACLForResource", null, pool)));
        run.forEach(resources, res -> associate(out, res, run.callOrAbsent(region, "GetWebACLForResource", null,
                () -> c.getWebACLForResource(r -> r.resourceArn(res)).webACL(), "WAFNonexistentItemException")));
        return out;
    }

    private static void associate(Map<String, List<String>> out, String resource, Outcome<WebACL> acl) {
        if (acl.isOk() && acl.value() != null) {
            out.computeIfAbsent(acl.value().arn(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(resource);
        }
    }

    private static String action(Rule r) {
        var a = r.action();
        if (a == null) {
            return null;
        }
        return a.allow() != null ? "ALLOW" : a.block() != null ? "BLOCK" : a.count() != null ? "COUNT"
                : a.captcha() != null ? "CAPTCHA" : a.challenge() != null ? "CHALLENGE" : null;
    }

    static WafStatement statement(Statement s) {
        if (s == null) {
            return null;
        }
        var b = WafStatement.builder();
        if (s.ipSetReferenceStatement() != null) {
            // Matched against a forwarded-for header, the address is whatever the client sends.
            boolean forwarded = s.ipSetReferenceStatement().ipSetForwardedIPConfig() != null;
            return b.kind(forwarded ? "IP_SET_FORWARDED" : "IP_SET").ipSetArn(s.ipSetReferenceStatement().arn()).build();
        }
        if (s.geoMatchStatement() != null) {
            return b.kind("GEO_MATCH").countryCodes(s.geoMatchStatement().countryCodesAsStrings()).build();
        }
        if (s.rateBasedStatement() != null) {
            var r = s.rateBasedStatement();
            return b.kind("RATE_BASED").rateLimit(r.limit()).aggregateKeyType(r.aggregateKeyTypeAsString())
                    .children(r.scopeDownStatement() == null ? null : List.of(statement(r.scopeDownStatement()))).build();
        }
        if (s.managedRuleGroupStatement() != null) {
            var m = s.managedRuleGroupStatement();
            List<String> counted = new ArrayList<>();
            m.excludedRules().forEach(e -> counted.add(e.name()));
            countOverrides(m.ruleActionOverrides(), counted);
            return b.kind("MANAGED_RULE_GROUP").vendorName(m.vendorName()).managedGroupName(m.name())
                    .countOverriddenRules(counted)
                    .children(m.scopeDownStatement() == null ? null : List.of(statement(m.scopeDownStatement()))).build();
        }
        if (s.ruleGroupReferenceStatement() != null) {
            var g = s.ruleGroupReferenceStatement();
            List<String> counted = new ArrayList<>();
            g.excludedRules().forEach(e -> counted.add(e.name()));
            countOverrides(g.ruleActionOverrides(), counted);
            return b.kind("RULE_GROUP").managedGroupName(g.arn()).countOverriddenRules(counted).build();
        }
        if (s.andStatement() != null) {
            return b.kind("AND").children(s.andStatement().statements().stream().map(WafCollector::statement).toList()).build();
        }
        if (s.orStatement() != null) {
            return b.kind("OR").children(s.orStatement().statements().stream().map(WafCollector::statement).toList()).build();
        }
        if (s.notStatement() != null) {
            return b.kind("NOT").children(List.of(statement(s.notStatement().statement()))).build();
        }
        return b.kind("OTHER").build();
    }

    private static void countOverrides(List<RuleActionOverride> overrides, List<String> counted) {
        for (RuleActionOverride o : overrides) {
            if (o.actionToUse() != null && o.actionToUse().count() != null) {
                counted.add(o.name());
            }
        }
    }

    /** Follows NextMarker (WAFv2 has no SDK paginators). */
    static <R, T> List<T> pages(Function<String, R> call, Function<R, List<T>> items, Function<R, String> next) {
        List<T> out = new ArrayList<>();
        String marker = null;
        do {
            R r = call.apply(marker);
            out.addAll(items.apply(r));
            String n = next.apply(r);
            marker = n == null || n.isEmpty() || n.equals(marker) || items.apply(r).isEmpty() ? null : n;
        } while (marker != null);
        return out;
    }
}
