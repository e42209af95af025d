package io.tenken.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenken.Json;
import io.tenken.facts.LambdaFunction;
import io.tenken.facts.Unknown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lambda functions as {@code ListFunctions} + {@code GetPolicy} show them once deployed: runtime,
 * package type, role, log group, and the resource-based policy that the stack's
 * {@code AWS::Lambda::Permission} resources add to it, written as Lambda writes an
 * {@code AddPermission} into the policy document (principal, {@code AWS:SourceArn} /
 * {@code AWS:SourceAccount} / {@code aws:PrincipalOrgID} / {@code lambda:FunctionUrlAuthType}
 * conditions), so LAMBDA-02 reads it exactly as it reads a live policy.
 */
final class LambdaMapping {
    private final FactMapper mapper;
    /** Permissions by the function they name (its identity, its Ref, or a literal name or ARN). */
    private final Map<String, List<Res>> permissions = new HashMap<>();

    LambdaMapping(FactMapper mapper) {
        this.mapper = mapper;
    }

    /** Attaching phase: an {@code AWS::Lambda::Permission}. */
    void permission(Res r) {
        String function = r.text("FunctionName");
        if (function != null) {
            permissions.computeIfAbsent(function, k -> new ArrayList<>()).add(r);
        }
    }

    /** Primary phase: an {@code AWS::Lambda::Function}. */
    void function(Res r) {
        String name = FactMapper.refText(r);
        String packageType = r.text("PackageType");
        if (packageType == null) {
            packageType = r.prop("Code.ImageUri") != null ? "Image" : "Zip";
            r.note("PackageType absent = " + packageType + FactMapper.SVC_DEFAULT);
        }
        String runtime = r.text("Runtime");
        String logGroup = r.text("LoggingConfig.LogGroup");
        String arn = r.id();
        Map<String, Unknown> unknown = Map.of();
        if (!name.equals(r.text("FunctionName"))) {
            // Alarms and metric filters name the deployed function (MONITORING-02): that name is CloudFormation's to make.
            unknown = Map.of("name", Unknown.expression("{\"Ref\":\"" + r.logicalId + "\"}", r.stack.template().displayPath()
                    + ":" + r.stack.template().lineOf(r.logicalId) + " " + r.logicalId
                    + " (no FunctionName: CloudFormation generates the name at deployment; an alarm or metric filter"
                    + " of the account names the deployed function, an alarm in the templates can name it by Ref)"));
        }
        sink().lambdaFunctions.add(LambdaFunction.builder().name(name).unknown(unknown).arn(arn).region(r.region())
                .runtime("Image".equals(packageType) ? null : runtime).packageType(packageType)
                .roleArn(r.text("Role")).logGroupName(logGroup != null ? logGroup : "/aws/lambda/" + name)
                .policyJson(policy(r, name, arn)).build());
        mapper.locate(arn, r);
    }

    private String policy(Res function, String name, String arn) {
        Set<Res> granted = new LinkedHashSet<>();
        for (String key : List.of(arn, name, physicalArn(function, name))) {
            granted.addAll(permissions.getOrDefault(key, List.of()));
        }
        if (granted.isEmpty()) {
            return null;
        }
        ObjectNode doc = Json.MAPPER.createObjectNode().put("Version", "2012-10-17").put("Id", "default");
        ArrayNode statements = doc.putArray("Statement");
        for (Res p : granted) {
            statements.add(statement(p, arn));
            mapper.inheritErrors(p.id(), arn);
        }
        return doc.toString();
    }

    /** The statement Lambda's AddPermission writes for one permission. */
    private static ObjectNode statement(Res p, String functionArn) {
        ObjectNode s = Json.MAPPER.createObjectNode().put("Sid", p.logicalId).put("Effect", "Allow");
        String principal = p.text("Principal");
        if (principal == null || principal.equals("*")) {
            s.put("Principal", principal == null ? p.printable("Principal") : "*");
        } else if (principal.endsWith(".amazonaws.com") || principal.endsWith(".amazonaws.com.cn")) {
            s.putObject("Principal").put("Service", principal);
        } else if (principal.matches("[0-9]{12}")) {
            s.putObject("Principal").put("AWS", "arn:" + partition(p) + ":iam::" + principal + ":root");
        } else {
            s.putObject("Principal").put("AWS", principal);
        }
        String action = p.text("Action");
        s.put("Action", action == null ? p.printable("Action") : action);
        s.put("Resource", functionArn);
        Map<String, Map<String, String>> conditions = new java.util.TreeMap<>();
        condition(conditions, "ArnLike", "AWS:SourceArn", p, "SourceArn");
        condition(conditions, "StringEquals", "AWS:SourceAccount", p, "SourceAccount");
        condition(conditions, "StringEquals", "aws:PrincipalOrgID", p, "PrincipalOrgID");
        condition(conditions, "StringEquals", "lambda:FunctionUrlAuthType", p, "FunctionUrlAuthType");
        condition(conditions, "StringEquals", "lambda:EventSourceToken", p, "EventSourceToken");
        if (!conditions.isEmpty()) {
            s.set("Condition", Json.MAPPER.valueToTree(conditions));
        }
        return s;
    }

    private static void condition(Map<String, Map<String, String>> out, String operator, String key, Res p, String property) {
        if (!p.node.path("Properties").has(property)) {
            return;
        }
        String v = p.text(property);
        out.computeIfAbsent(operator, k -> new java.util.TreeMap<>()).put(key, v != null ? v : p.printable(property));
    }

    private static String physicalArn(Res function, String name) {
        return "arn:" + partition(function) + ":lambda:" + function.region() + ":" + function.stack.account() + ":function:" + name;
    }

    private static String partition(Res r) {
        String p = Resolver.partition(r.stack.region());
        return p == null ? "aws" : p;
    }

    private io.tenken.collect.FactSink sink() {
        return mapper.sink;
    }
}
