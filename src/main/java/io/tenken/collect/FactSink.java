package io.tenken.collect;

import io.tenken.facts.ApiMethod;
import io.tenken.facts.ApiStage;
import io.tenken.facts.LambdaFunction;
import io.tenken.facts.DynamoTable;
import io.tenken.facts.IdentityPool;
import io.tenken.facts.MetricAlarm;
import io.tenken.facts.MetricFilter;
import io.tenken.facts.SecurityService;
import io.tenken.facts.BedrockAgent;
import io.tenken.facts.BedrockLoggingConfig;
import io.tenken.facts.Bucket;
import io.tenken.facts.CloudFrontDistribution;
import io.tenken.facts.CredentialReportRow;
import io.tenken.facts.CustomModel;
import io.tenken.facts.Guardrail;
import io.tenken.facts.IamPasswordPolicy;
import io.tenken.facts.IamPolicy;
import io.tenken.facts.IamPrincipal;
import io.tenken.facts.IpSet;
import io.tenken.facts.KmsKey;
import io.tenken.facts.KnowledgeBase;
import io.tenken.facts.LogGroup;
import io.tenken.facts.PolicyStatement;
import io.tenken.facts.PublicAccessBlock;
import io.tenken.facts.Trail;
import io.tenken.facts.UserPool;
import io.tenken.facts.UserPoolClient;
import io.tenken.facts.VpcEndpoint;
import io.tenken.facts.WafRule;
import io.tenken.facts.WebAcl;
import io.tenken.facts.AccountSettings;
import io.tenken.snapshot.Facts;
import java.util.ArrayList;
import java.util.TreeSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/** Thread-safe collector output; {@link #sorted} gives deterministic lists for the snapshot. */
public final class FactSink {
    public final Collection<UserPool> userPools = new ConcurrentLinkedQueue<>();
    public final Collection<UserPoolClient> userPoolClients = new ConcurrentLinkedQueue<>();
    public final Collection<WebAcl> webAcls = new ConcurrentLinkedQueue<>();
    public final Collection<WafRule> wafRules = new ConcurrentLinkedQueue<>();
    public final Collection<IpSet> ipSets = new ConcurrentLinkedQueue<>();
    public final Collection<CloudFrontDistribution> distributions = new ConcurrentLinkedQueue<>();
    public final Collection<Bucket> buckets = new ConcurrentLinkedQueue<>();
    public final Collection<Trail> trails = new ConcurrentLinkedQueue<>();
    public final Collection<LogGroup> logGroups = new ConcurrentLinkedQueue<>();
    public final Collection<BedrockLoggingConfig> bedrockLogging = new ConcurrentLinkedQueue<>();
    public final Collection<Guardrail> guardrails = new ConcurrentLinkedQueue<>();
    public final Collection<CustomModel> customModels = new ConcurrentLinkedQueue<>();
    public final Collection<IamPrincipal> iamPrincipals = new ConcurrentLinkedQueue<>();
    public final Collection<IamPolicy> iamPolicies = new ConcurrentLinkedQueue<>();
    public final Collection<PolicyStatement> policyStatements = new ConcurrentLinkedQueue<>();
    public final Collection<CredentialReportRow> credentialReport = new ConcurrentLinkedQueue<>();
    public final Collection<KmsKey> kmsKeys = new ConcurrentLinkedQueue<>();
    public final Collection<VpcEndpoint> vpcEndpoints = new ConcurrentLinkedQueue<>();
    public final Collection<ApiMethod> apiMethods = new ConcurrentLinkedQueue<>();
    public final Collection<ApiStage> apiStages = new ConcurrentLinkedQueue<>();
    public final Collection<LambdaFunction> lambdaFunctions = new ConcurrentLinkedQueue<>();
    public final Collection<DynamoTable> dynamoTables = new ConcurrentLinkedQueue<>();
    public final Collection<IdentityPool> identityPools = new ConcurrentLinkedQueue<>();
    public final Collection<MetricAlarm> metricAlarms = new ConcurrentLinkedQueue<>();
    public final Collection<MetricFilter> metricFilters = new ConcurrentLinkedQueue<>();
    public final Collection<SecurityService> securityServices = new ConcurrentLinkedQueue<>();
    public final Collection<BedrockAgent> bedrockAgents = new ConcurrentLinkedQueue<>();
    public final Collection<KnowledgeBase> knowledgeBases = new ConcurrentLinkedQueue<>();
    /** Regions where Bedrock resources or configuration were seen. */
    public final Set<String> bedrockRegions = ConcurrentHashMap.newKeySet();
    /** ARNs already collected, for resources that several regions can report (trails). */
    public final Set<String> seen = ConcurrentHashMap.newKeySet();

    private volatile PublicAccessBlock accountPublicAccessBlock;
    private volatile IamPasswordPolicy passwordPolicy;

    public void accountPublicAccessBlock(PublicAccessBlock pab) {
        this.accountPublicAccessBlock = pab;
    }

    public PublicAccessBlock accountPublicAccessBlock() {
        return accountPublicAccessBlock;
    }

    public void passwordPolicy(IamPasswordPolicy p) {
        this.passwordPolicy = p;
    }

    public IamPasswordPolicy passwordPolicy() {
        return passwordPolicy;
    }

    /** A copy sorted by the given keys (nulls first), so equal account states give equal snapshots. */
    @SafeVarargs
    public static <T> List<T> sorted(Collection<T> in, Function<T, ?>... keys) {
        List<T> out = new ArrayList<>(in);
        Comparator<T> c = null;
        for (Function<T, ?> k : keys) {
            Comparator<T> next = Comparator.comparing(t -> {
                Object v = k.apply(t);
                return v == null ? "" : v instanceof Number n ? String.format("%020d", n.longValue()) : v.toString();
            });
            c = c == null ? next : c.thenComparing(next);
        }
        if (c != null) {
            out.sort(c);
        }
        return List.copyOf(out);
    }

    /** The collected facts in snapshot order (sorted), for the scan and the template source alike. */
    public Facts facts(String accountId, String partition) {
        FactSink sink = this;
        AccountSettings account = AccountSettings.builder().accountId(accountId).partition(partition)
                .s3PublicAccessBlock(sink.accountPublicAccessBlock())
                .iamPasswordPolicy(sink.passwordPolicy())
                .bedrockRegionsInUse(List.copyOf(new TreeSet<>(sink.bedrockRegions)))
                .build();
        return Facts.builder()
                .accountSettings(account)
                .userPools(FactSink.sorted(sink.userPools, p -> p.getRegion(), p -> p.getId()))
                .userPoolClients(FactSink.sorted(sink.userPoolClients, c -> c.getRegion(), c -> c.getUserPoolId(), c -> c.getClientId()))
                .webAcls(FactSink.sorted(sink.webAcls, a -> a.getRegion(), a -> a.getScope(), a -> a.getArn()))
                .wafRules(FactSink.sorted(sink.wafRules, r -> r.getWebAclArn(), r -> r.getPriority(), r -> r.getName()))
                .ipSets(FactSink.sorted(sink.ipSets, s -> s.getRegion(), s -> s.getScope(), s -> s.getArn()))
                .cloudFrontDistributions(FactSink.sorted(sink.distributions, d -> d.getId()))
                .buckets(FactSink.sorted(sink.buckets, b -> b.getName()))
                .trails(FactSink.sorted(sink.trails, t -> t.getArn()))
                .logGroups(FactSink.sorted(sink.logGroups, g -> g.getRegion(), g -> g.getName()))
                .bedrockLoggingConfigs(FactSink.sorted(sink.bedrockLogging, b -> b.getRegion()))
                .guardrails(FactSink.sorted(sink.guardrails, g -> g.getRegion(), g -> g.getArn()))
                .customModels(FactSink.sorted(sink.customModels, m -> m.getRegion(), m -> m.getArn()))
                .iamPrincipals(FactSink.sorted(sink.iamPrincipals, p -> p.getType(), p -> p.getArn()))
                .iamPolicies(FactSink.sorted(sink.iamPolicies, p -> p.getArn()))
                .policyStatements(FactSink.sorted(sink.policyStatements, s -> s.getPolicyArn(), s -> s.getIndex()))
                .credentialReportRows(FactSink.sorted(sink.credentialReport, r -> r.isRoot() ? "0" : "1", r -> r.getUser()))
                .kmsKeys(FactSink.sorted(sink.kmsKeys, k -> k.getRegion(), k -> k.getArn()))
                .vpcEndpoints(FactSink.sorted(sink.vpcEndpoints, e -> e.getRegion(), e -> e.getId()))
                .apiMethods(FactSink.sorted(sink.apiMethods, m -> m.getRegion(), m -> m.getRestApiId(), m -> m.getPath(),
                        m -> m.getHttpMethod()))
                .apiStages(FactSink.sorted(sink.apiStages, g -> g.getRegion(), g -> g.getRestApiId(), g -> g.getStageName()))
                .lambdaFunctions(FactSink.sorted(sink.lambdaFunctions, f -> f.getRegion(), f -> f.getName()))
                .dynamoTables(FactSink.sorted(sink.dynamoTables, t -> t.getRegion(), t -> t.getName()))
                .identityPools(FactSink.sorted(sink.identityPools, p -> p.getRegion(), p -> p.getId()))
                .metricAlarms(FactSink.sorted(sink.metricAlarms, a -> a.getRegion(), a -> a.getName()))
                .metricFilters(FactSink.sorted(sink.metricFilters, f -> f.getRegion(), f -> f.getLogGroupName(), f -> f.getName(),
                        f -> f.getMetricNamespace(), f -> f.getMetricName()))
                .securityServices(FactSink.sorted(sink.securityServices, x -> x.getRegion(), x -> x.getService()))
                .bedrockAgents(FactSink.sorted(sink.bedrockAgents, a -> a.getRegion(), a -> a.getArn()))
                .knowledgeBases(FactSink.sorted(sink.knowledgeBases, k -> k.getRegion(), k -> k.getArn()))
                .build();
    }
}
