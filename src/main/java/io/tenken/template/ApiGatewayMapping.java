package io.tenken.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.facts.ApiMethod;
import io.tenken.facts.ApiStage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway REST APIs as {@code GetResources} (methods embedded), {@code GetAuthorizers} and
 * {@code GetStages} show them once deployed. A method's path is rebuilt from the
 * {@code AWS::ApiGateway::Resource} tree, its authorizer's type read from the
 * {@code AWS::ApiGateway::Authorizer} it names, its Lambda function from the integration URI; a
 * stage is an {@code AWS::ApiGateway::Stage} or a deployment's {@code StageName}, with its web
 * ACL from the {@code AWS::WAFv2::WebACLAssociation} naming the stage's ARN. An API defined by an
 * OpenAPI {@code Body} declares its methods there, which is not read: its region's API
 * verdicts are ERROR rather than concluded from a list that may be incomplete.
 */
final class ApiGatewayMapping {
    private static final String ROOT = ".RootResourceId";

    private final FactMapper mapper;
    private final Map<String, String> apiNames = new HashMap<>();
    /** Resource identity → {parent identity, path part}. */
    private final Map<String, String[]> pathResources = new HashMap<>();
    private final Map<String, String> authorizerTypes = new HashMap<>();

    ApiGatewayMapping(FactMapper mapper) {
        this.mapper = mapper;
    }

    /** Attaching phase: what methods and stages refer to. */
    void attaching(Res r) {
        switch (r.type) {
            case "AWS::ApiGateway::RestApi" -> {
                apiNames.put(FactMapper.refText(r), nameOf(r));
                if (r.node.path("Properties").has("Body") || r.node.path("Properties").has("BodyS3Location")) {
                    r.error("template " + r.stack.template().displayPath() + ":" + r.stack.template().lineOf(r.logicalId)
                            + " " + r.logicalId + ".Body", "Unresolved",
                            "the API's methods are declared in its OpenAPI definition, which a template run does not read",
                            null);
                }
            }
            case "AWS::ApiGateway::Resource" -> pathResources.put(FactMapper.refText(r),
                    new String[] {r.text("ParentId"), r.text("PathPart")});
            case "AWS::ApiGateway::Authorizer" -> authorizerTypes.put(FactMapper.refText(r), r.text("Type"));
            default -> {
            }
        }
    }

    /** Primary phase: methods and stages. */
    void primary(Res r) {
        switch (r.type) {
            case "AWS::ApiGateway::Method" -> method(r);
            case "AWS::ApiGateway::Stage" -> stage(r, "");
            case "AWS::ApiGateway::Deployment" -> {
                // A deployment with StageName creates that stage, configured by StageDescription.
                if (r.node.path("Properties").has("StageName")) {
                    stage(r, "StageDescription.");
                }
            }
            default -> {
            }
        }
    }

    private void method(Res r) {
        String api = r.text("RestApiId");
        String verb = r.text("HttpMethod");
        String authorization = r.text("AuthorizationType");
        if (authorization == null && r.prop("AuthorizationType") == null) {
            r.note("AuthorizationType absent = NONE" + FactMapper.SVC_DEFAULT);
            authorization = "NONE";
        }
        String authorizer = r.text("AuthorizerId");
        String resource = r.text("ResourceId");
        sink().apiMethods.add(ApiMethod.builder().restApiId(api).apiName(api == null ? null : apiNames.get(api))
                .region(r.region()).pathResourceId(resource).path(path(resource)).httpMethod(verb)
                .authorizationType(authorization).authorizerId(authorizer)
                .authorizerType(authorizer == null ? null : authorizerTypes.get(authorizer))
                .apiKeyRequired(r.bool("ApiKeyRequired", false, null))
                .integrationType(r.text("Integration.Type"))
                .lambdaFunctionArn(lambdaFunction(r.text("Integration.Uri")))
                .templateId(r.id()).build());
        mapper.locate(r.id(), r);
    }

    private void stage(Res r, String prefix) {
        String api = r.text("RestApiId");
        String name = r.text("StageName");
        if (name == null) {
            name = r.logicalId;
        }
        String level = null;
        List<String> off = new ArrayList<>();
        JsonNode settings = r.prop(prefix + "MethodSettings");
        if (!prefix.isEmpty()) {
            // StageDescription carries the stage-wide setting itself as well.
            level = r.text(prefix + "LoggingLevel");
        }
        if (settings != null) {
            for (JsonNode s : settings) {
                String path = s.path("ResourcePath").asText("/*");
                String verb = s.path("HttpMethod").asText("*");
                String l = s.path("LoggingLevel").asText(null);
                if (path.equals("/*") && verb.equals("*")) {
                    level = l;
                } else if ("OFF".equalsIgnoreCase(l)) {
                    off.add(path.substring(1).replace("/", "~1") + "/" + verb);
                }
            }
        }
        if (level == null) {
            r.note(prefix + "MethodSettings absent = execution logging OFF" + FactMapper.SVC_DEFAULT);
        }
        String accessLogs = r.text(prefix + "AccessLogSetting.DestinationArn");
        if (accessLogs == null && r.prop(prefix + "AccessLogSetting") == null) {
            r.note(prefix + "AccessLogSetting absent = no access logs" + FactMapper.SVC_DEFAULT);
        }
        String arn = "arn:" + FactMapper.partitionOf(r) + ":apigateway:" + r.region() + "::/restapis/" + api + "/stages/" + name;
        sink().apiStages.add(ApiStage.builder().restApiId(api).apiName(api == null ? null : apiNames.get(api))
                .stageName(name).region(r.region()).webAclArn(mapper.webAclOf(r, arn, r.id())).loggingLevel(level)
                .loggingOffFor(off.stream().sorted().toList()).accessLogDestinationArn(accessLogs)
                .templateId(r.id()).build());
        mapper.locate(r.id(), r);
    }

    /** The API path of a resource identity: "/" for the root, "/a/b" through the resource tree. */
    private String path(String resource) {
        if (resource == null) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        String at = resource;
        for (int depth = 0; at != null && !at.endsWith(ROOT) && depth < 64; depth++) {
            String[] node = pathResources.get(at);
            if (node == null) {
                return "?" + path; // a parent outside the run (an imported API): the path is partly unknown
            }
            path.insert(0, "/" + node[1]);
            at = node[0];
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** The function a Lambda integration URI invokes (its identity in the run, or its ARN unqualified); null otherwise. */
    static String lambdaFunction(String uri) {
        if (uri == null) {
            return null;
        }
        int start = uri.indexOf(":lambda:path/");
        int functions = start < 0 ? -1 : uri.indexOf("/functions/", start);
        int end = uri.lastIndexOf("/invocations");
        if (functions < 0 || end <= functions) {
            return null;
        }
        String function = uri.substring(functions + "/functions/".length(), end);
        if (function.startsWith("arn:")) {
            String[] parts = function.split(":");
            return parts.length >= 7 ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : function;
        }
        return function;
    }

    private static String nameOf(Res r) {
        String n = r.text("Name");
        return n != null ? n : r.logicalId;
    }

    private io.tenken.collect.FactSink sink() {
        return mapper.sink;
    }
}
