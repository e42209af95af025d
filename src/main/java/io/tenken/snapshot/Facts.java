package io.tenken.snapshot;

import io.tenken.facts.AccountSettings;
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
import io.tenken.facts.IamPolicy;
import io.tenken.facts.IamPrincipal;
import io.tenken.facts.IpSet;
import io.tenken.facts.KmsKey;
import io.tenken.facts.KnowledgeBase;
import io.tenken.facts.LogGroup;
import io.tenken.facts.PolicyStatement;
import io.tenken.facts.Trail;
import io.tenken.facts.UserPool;
import io.tenken.facts.UserPoolClient;
import io.tenken.facts.VpcEndpoint;
import io.tenken.facts.WafRule;
import io.tenken.facts.WebAcl;
import java.util.ArrayList;
import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** The collected facts, one flat list per kind: exactly what is inserted into the rule engine. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class Facts {
    AccountSettings accountSettings;
    @Builder.Default List<UserPool> userPools = List.of();
    @Builder.Default List<UserPoolClient> userPoolClients = List.of();
    @Builder.Default List<WebAcl> webAcls = List.of();
    @Builder.Default List<WafRule> wafRules = List.of();
    @Builder.Default List<IpSet> ipSets = List.of();
    @Builder.Default List<CloudFrontDistribution> cloudFrontDistributions = List.of();
    @Builder.Default List<Bucket> buckets = List.of();
    @Builder.Default List<Trail> trails = List.of();
    @Builder.Default List<LogGroup> logGroups = List.of();
    @Builder.Default List<BedrockLoggingConfig> bedrockLoggingConfigs = List.of();
    @Builder.Default List<Guardrail> guardrails = List.of();
    @Builder.Default List<CustomModel> customModels = List.of();
    @Builder.Default List<IamPrincipal> iamPrincipals = List.of();
    @Builder.Default List<IamPolicy> iamPolicies = List.of();
    @Builder.Default List<PolicyStatement> policyStatements = List.of();
    @Builder.Default List<CredentialReportRow> credentialReportRows = List.of();
    @Builder.Default List<KmsKey> kmsKeys = List.of();
    @Builder.Default List<VpcEndpoint> vpcEndpoints = List.of();
    @Builder.Default List<ApiMethod> apiMethods = List.of();
    @Builder.Default List<ApiStage> apiStages = List.of();
    @Builder.Default List<LambdaFunction> lambdaFunctions = List.of();
    @Builder.Default List<DynamoTable> dynamoTables = List.of();
    @Builder.Default List<IdentityPool> identityPools = List.of();
    @Builder.Default List<MetricAlarm> metricAlarms = List.of();
    @Builder.Default List<MetricFilter> metricFilters = List.of();
    @Builder.Default List<SecurityService> securityServices = List.of();
    @Builder.Default List<BedrockAgent> bedrockAgents = List.of();
    @Builder.Default List<KnowledgeBase> knowledgeBases = List.of();

    /** Every fact, in a fixed order (the order of {@link #map}), for insertion into a session. */
    public List<Object> all() {
        List<Object> out = new ArrayList<>();
        map(x -> {
            if (x != null) {
                out.add(x);
            }
            return x;
        });
        return out;
    }

    /**
     * The same facts with each one passed through {@code replace} (which must return a fact of
     * the same kind), in the same order: e.g. facts annotated with their unknown fields.
     */
    public Facts map(java.util.function.UnaryOperator<Object> replace) {
        return toBuilder()
                .accountSettings(accountSettings == null ? null : (AccountSettings) replace.apply(accountSettings))
                .userPools(each(userPools, replace))
                .userPoolClients(each(userPoolClients, replace))
                .webAcls(each(webAcls, replace))
                .wafRules(each(wafRules, replace))
                .ipSets(each(ipSets, replace))
                .cloudFrontDistributions(each(cloudFrontDistributions, replace))
                .buckets(each(buckets, replace))
                .trails(each(trails, replace))
                .logGroups(each(logGroups, replace))
                .bedrockLoggingConfigs(each(bedrockLoggingConfigs, replace))
                .guardrails(each(guardrails, replace))
                .customModels(each(customModels, replace))
                .iamPrincipals(each(iamPrincipals, replace))
                .iamPolicies(each(iamPolicies, replace))
                .policyStatements(each(policyStatements, replace))
                .credentialReportRows(each(credentialReportRows, replace))
                .kmsKeys(each(kmsKeys, replace))
                .vpcEndpoints(each(vpcEndpoints, replace))
                .apiMethods(each(apiMethods, replace))
                .apiStages(each(apiStages, replace))
                .lambdaFunctions(each(lambdaFunctions, replace))
                .dynamoTables(each(dynamoTables, replace))
                .identityPools(each(identityPools, replace))
                .metricAlarms(each(metricAlarms, replace))
                .metricFilters(each(metricFilters, replace))
                .securityServices(each(securityServices, replace))
                .bedrockAgents(each(bedrockAgents, replace))
                .knowledgeBases(each(knowledgeBases, replace))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> each(List<T> in, java.util.function.UnaryOperator<Object> replace) {
        return in.stream().map(x -> (T) replace.apply(x)).toList();
    }
}
