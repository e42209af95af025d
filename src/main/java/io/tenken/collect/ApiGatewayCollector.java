package io.tenken.collect;

import io.tenken.facts.ApiMethod;
import io.tenken.facts.ApiStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Authorizer;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;

/**
 * API Gateway REST APIs: every method (GetResources with embedded methods) with its authorizer
 * (GetAuthorizers) and Lambda integration, and every stage (GetStages) with its web ACL and
 * logging settings.
 */
public final class ApiGatewayCollector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("apigateway")
            .lists("GetRestApis", "apigateway:GET", ApiStage.class, ApiMethod.class)
            .lists("GetStages", "apigateway:GET", ApiStage.class)
            .lists("GetAuthorizers", "apigateway:GET", ApiMethod.class)
            .lists("GetResources", "apigateway:GET", ApiMethod.class);

    @Override
    public Calls calls() {
        return CALLS;
    }

    /** arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations */
    private static final Pattern LAMBDA_URI = Pattern.compile(
            ":lambda:path/[^/]+/functions/(arn:[^:/]+:lambda:[^:/]+:[0-9]+:function:[^:/]+)(?::[^/]+)?/invocations");

    @Override
    public String service() {
        return "apigateway";
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        ApiGatewayClient c = run.clients().apigatewayApis(region);
        Outcome<List<RestApi>> apis = restApis(run, region, "GetRestApis");
        if (apis.isOk()) {
            run.forEach(apis.value(), api -> api(run, c, region, api, sink));
        }
    }

    /** The region's REST APIs: listed once a scan, for this collector and WAF's associations. */
    static Outcome<List<RestApi>> restApis(ServiceRun run, String region, String operation) {
        ApiGatewayClient c = run.clients().apigatewayApis(region);
        return run.callShared("apigateway GetRestApis " + region, region, operation, null,
                () -> c.getRestApisPaginator(r -> r.limit(500)).items().stream().toList());
    }

    /** An API's stages: read once a scan, for this collector and WAF's associations. */
    static Outcome<List<Stage>> stages(ServiceRun run, String region, String operation, String resourceId, String apiId) {
        ApiGatewayClient c = run.clients().apigatewayApis(region);
        return run.callShared("apigateway GetStages " + region + " " + apiId, region, operation, resourceId,
                () -> c.getStages(r -> r.restApiId(apiId)).item());
    }

    private void api(ServiceRun run, ApiGatewayClient c, String region, RestApi api, FactSink sink) {
        String apiArn = "arn:" + run.partition() + ":apigateway:" + region + "::/restapis/" + api.id();
        Outcome<List<Stage>> stages = stages(run, region, "GetStages", apiArn, api.id());
        if (stages.isOk()) {
            for (Stage s : stages.value()) {
                sink.apiStages.add(stage(api, region, s));
            }
        }
        // The SDK has no paginator for GetAuthorizers: follow position.
        List<Authorizer> authorizers = run.call(region, "GetAuthorizers", apiArn, () -> {
            List<Authorizer> out = new ArrayList<>();
            String position = null;
            do {
                String p = position;
                var page = c.getAuthorizers(r -> r.restApiId(api.id()).limit(500).position(p));
                out.addAll(page.items());
                position = page.position() == null || page.position().isEmpty() || page.items().isEmpty()
                        || page.position().equals(p) ? null : page.position();
            } while (position != null);
            return out;
        });
        Map<String, String> authorizerTypes = new TreeMap<>();
        if (authorizers != null) {
            authorizers.forEach(a -> authorizerTypes.put(a.id(), a.typeAsString()));
        }
        var resources = run.call(region, "GetResources", apiArn,
                () -> c.getResourcesPaginator(r -> r.restApiId(api.id()).embed("methods").limit(500)).items().stream().toList());
        if (resources == null) {
            return;
        }
        for (var res : resources) {
            for (Map.Entry<String, Method> e : res.resourceMethods().entrySet()) {
                Method m = e.getValue();
                String verb = m.httpMethod() != null ? m.httpMethod() : e.getKey();
                var integration = m.methodIntegration();
                sink.apiMethods.add(ApiMethod.builder()
                        .restApiId(api.id()).apiName(api.name()).region(region)
                        .pathResourceId(res.id()).path(res.path()).httpMethod(verb)
                        .authorizationType(m.authorizationType())
                        .authorizerId(m.authorizerId())
                        .authorizerType(m.authorizerId() == null ? null : authorizerTypes.get(m.authorizerId()))
                        .apiKeyRequired(Boolean.TRUE.equals(m.apiKeyRequired()))
                        .integrationType(integration == null ? null : integration.typeAsString())
                        .lambdaFunctionArn(integration == null ? null : lambdaArn(integration.uri()))
                        .build());
            }
        }
    }

    static ApiStage stage(RestApi api, String region, Stage s) {
        Map<String, MethodSetting> settings = s.methodSettings();
        MethodSetting all = settings.get("*/*");
        String level = all == null ? null : all.loggingLevel();
        List<String> off = new ArrayList<>();
        settings.forEach((k, v) -> {
            if (!"*/*".equals(k) && v != null && "OFF".equalsIgnoreCase(v.loggingLevel())) {
                off.add(k);
            }
        });
        return ApiStage.builder().restApiId(api.id()).apiName(api.name()).stageName(s.stageName()).region(region)
                .webAclArn(s.webAclArn() == null || s.webAclArn().isBlank() ? null : s.webAclArn())
                .loggingLevel(level)
                .loggingOffFor(off.stream().sorted().toList())
                .accessLogDestinationArn(s.accessLogSettings() == null ? null : s.accessLogSettings().destinationArn())
                .build();
    }

    /** The unqualified function ARN a Lambda integration URI invokes; null for other integrations. */
    static String lambdaArn(String uri) {
        if (uri == null) {
            return null;
        }
        Matcher m = LAMBDA_URI.matcher(uri);
        return m.find() ? m.group(1) : null;
    }
}
