package io.tenken.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Evaluates CloudFormation intrinsic functions in one stack, never guessing: {@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Join}, {@code Fn::Sub}, {@code Fn::Select}, {@code Fn::Split},
 * {@code Fn::If} with {@code Conditions}, {@code Fn::FindInMap}, {@code Fn::Base64},
 * {@code Fn::ImportValue} (exports of the assembly's stacks) and CDK's cross-region export
 * readers. What is only known after deployment becomes {@link Unresolved}, and so does any
 * expression built from it.
 * <p>
 * A resource's own identity is known before deployment even when its physical name is not:
 * {@code Ref} and {@code Fn::GetAtt ... Arn} of a resource give its identity in this run,
 * {@code STACK/LOGICAL_ID} (the {@code resourceId} of its facts; S3 ARNs keep their
 * {@code arn:aws:s3:::} form around it), so a reference from one resource to another (a
 * distribution to its web ACL, a policy to its role) joins exactly as the deployed ones would.
 */
public final class Resolver {
    /** {@code AWS::NoValue}: the property or list item is dropped. */
    static final JsonNode NO_VALUE = MissingNode.getInstance();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 64;
    private static final Map<String, String> NAME_PROPERTY = Map.of(
            "AWS::S3::Bucket", "BucketName", "AWS::Logs::LogGroup", "LogGroupName",
            "AWS::Lambda::Function", "FunctionName", "AWS::IAM::Role", "RoleName",
            "AWS::IAM::User", "UserName", "AWS::IAM::Group", "GroupName", "AWS::ApiGateway::Stage", "StageName");

    private final Stack stack;
    private final Assembly assembly;
    private final ObjectNode resources;
    private final Map<String, JsonNode> conditions = new HashMap<>();
    private int depth;

    Resolver(Stack stack, Assembly assembly) {
        this.stack = stack;
        this.assembly = assembly;
        this.resources = stack.template().section("Resources");
    }

    public Stack stack() {
        return stack;
    }

    /** The value of {@code expr} with every intrinsic function evaluated. */
    public JsonNode resolve(JsonNode expr) {
        if (expr == null) {
            return null;
        }
        if (++depth > MAX_DEPTH) {
            depth = 0;
            return Unresolved.node(expr, "references nest too deep (a cycle?)");
        }
        try {
            return eval(expr);
        } finally {
            depth--;
        }
    }

    /** Is the resource's {@code Condition} true? Null when unresolved. */
    public Boolean resourceCondition(JsonNode resource) {
        JsonNode c = resource.get("Condition");
        if (c == null) {
            return Boolean.TRUE;
        }
        JsonNode v = condition(c.asText());
        return Unresolved.is(v) ? null : v.asBoolean();
    }

    private JsonNode eval(JsonNode n) {
        if (n.isObject() && n.size() == 1) {
            Map.Entry<String, JsonNode> e = n.fields().next();
            String fn = e.getKey();
            if (fn.equals("Ref") || fn.startsWith("Fn::") || (fn.equals("Condition") && e.getValue().isTextual())) {
                return function(n, fn, e.getValue());
            }
        }
        if (n.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = resolve(e.getValue());
                if (v != NO_VALUE) {
                    out.set(e.getKey(), v);
                }
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (JsonNode item : n) {
                JsonNode v = resolve(item);
                if (v != NO_VALUE) {
                    out.add(v);
                }
            }
            return out;
        }
        return n;
    }

    private JsonNode function(JsonNode expr, String fn, JsonNode arg) {
        return switch (fn) {
            case "Ref" -> ref(expr, arg.asText());
            case "Condition" -> condition(arg.asText());
            case "Fn::GetAtt" -> getAtt(expr, arg);
            case "Fn::Join" -> join(expr, arg);
            case "Fn::Sub" -> sub(expr, arg);
            case "Fn::Select" -> select(expr, arg);
            case "Fn::Split" -> split(expr, arg);
            case "Fn::If" -> ifThen(expr, arg);
            case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not" -> booleanFn(expr, fn, arg);
            case "Fn::FindInMap" -> findInMap(expr, arg);
            case "Fn::ImportValue" -> importValue(expr, arg);
            case "Fn::Base64" -> {
                JsonNode v = resolve(arg);
                yield Unresolved.is(v) ? unresolved(expr, v) : NODES.textNode(
                        Base64.getEncoder().encodeToString(v.asText().getBytes(StandardCharsets.UTF_8)));
            }
            case "Fn::ToJsonString" -> {
                JsonNode v = resolve(arg);
                yield Unresolved.find(v) != null ? unresolved(expr, Unresolved.find(v)) : NODES.textNode(v.toString());
            }
            case "Fn::Length" -> {
                JsonNode v = resolve(arg);
                yield Unresolved.find(v) != null || !v.isArray() ? Unresolved.node(expr, "length of an unknown list")
                        : NODES.numberNode(v.size());
            }
            default -> Unresolved.node(expr, fn + " is evaluated only at deployment");
        };
    }

    // ------------------------------------------------------------------ Ref and GetAtt

    private JsonNode ref(JsonNode expr, String name) {
        switch (name) {
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::AccountId":
                return known(expr, stack.account(), "the stack's environment has no account (environment-agnostic)");
            case "AWS::Region":
                return known(expr, stack.region(), "the stack's environment has no region (environment-agnostic)");
            case "AWS::Partition":
                return known(expr, partition(stack.region()), "the stack's environment has no region");
            case "AWS::URLSuffix":
                return known(expr, stack.region() == null ? null
                        : stack.region().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com",
                        "the stack's environment has no region");
            case "AWS::StackName":
                return known(expr, stack.parent() == null ? stack.name() : null,
                        "a nested stack's name is generated at deployment");
            default:
                break;
        }
        if (name.startsWith("AWS::")) {
            return Unresolved.node(expr, name + " is known only at deployment");
        }
        JsonNode param = stack.template().section("Parameters").get(name);
        if (param != null) {
            return parameter(expr, name, param);
        }
        JsonNode resource = resources.get(name);
        if (resource == null) {
            return Unresolved.node(expr, "no parameter or resource '" + name + "' in " + stack.name());
        }
        String type = resource.path("Type").asText();
        String nameProperty = NAME_PROPERTY.get(type);
        if (nameProperty != null && resource.path("Properties").has(nameProperty)) {
            JsonNode physical = resolve(resource.path("Properties").get(nameProperty));
            if (!Unresolved.is(physical) && physical.isTextual()) {
                return physical;
            }
        }
        return NODES.textNode(stack.resourceId(name));
    }

    private JsonNode parameter(JsonNode expr, String name, JsonNode param) {
        JsonNode passed = stack.passedParameters().get(name);
        JsonNode value = passed == null || stack.parent() == null ? passed : assembly.resolver(stack.parent()).resolve(passed);
        if (value == null) {
            value = param.get("Default");
        }
        String type = param.path("Type").asText("String");
        if (type.startsWith("AWS::SSM::Parameter::Value")) {
            return Unresolved.node(expr, "parameter " + name + " is read from SSM at deployment");
        }
        if (value == null) {
            return Unresolved.node(expr, "parameter " + name + " has no default; its value is given at deployment");
        }
        if (Unresolved.is(value)) {
            return value;
        }
        if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
            ArrayNode out = NODES.arrayNode();
            for (String part : value.asText().split(",", -1)) {
                out.add(part.strip());
            }
            return out;
        }
        return NODES.textNode(value.asText());
    }

    private JsonNode getAtt(JsonNode expr, JsonNode arg) {
        String logicalId;
        String attribute;
        if (arg.isTextual() && arg.asText().contains(".")) {
            String s = arg.asText();
            logicalId = s.substring(0, s.indexOf('.'));
            attribute = s.substring(s.indexOf('.') + 1);
        } else if (arg.isArray() && arg.size() == 2) {
            logicalId = arg.get(0).asText();
            JsonNode a = resolve(arg.get(1));
            if (Unresolved.is(a)) {
                return unresolved(expr, a);
            }
            attribute = a.asText();
        } else {
            return Unresolved.node(expr, "Fn::GetAtt needs [LogicalId, Attribute]");
        }
        JsonNode resource = resources.get(logicalId);
        if (resource == null) {
            return Unresolved.node(expr, "no resource '" + logicalId + "' in " + stack.name());
        }
        String type = resource.path("Type").asText();
        if (type.equals("Custom::CrossRegionExportReader") && attribute.startsWith("/cdk/exports/")) {
            JsonNode v = assembly.crossRegionValue(stack, attribute);
            return v != null ? v : Unresolved.node(expr, "no cross-region export writer in the assembly writes " + attribute);
        }
        if (type.equals("AWS::CloudFormation::Stack") && attribute.startsWith("Outputs.")) {
            Stack nested = assembly.nested(stack, logicalId);
            JsonNode output = nested == null ? null
                    : nested.template().section("Outputs").path(attribute.substring("Outputs.".length())).get("Value");
            return output == null ? Unresolved.node(expr, "nested stack output not found")
                    : assembly.resolver(nested).resolve(output);
        }
        if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")) {
            return Unresolved.node(expr, "a custom resource's attributes are known only after it runs");
        }
        if (attribute.equals("Arn")) {
            if (type.equals("AWS::S3::Bucket")) {
                JsonNode name = ref(expr, logicalId);
                return Unresolved.is(name) ? name : NODES.textNode("arn:" + partitionOr("aws") + ":s3:::" + name.asText());
            }
            return NODES.textNode(stack.resourceId(logicalId));
        }
        return NODES.textNode(stack.resourceId(logicalId) + "." + attribute);
    }

    // ------------------------------------------------------------------ strings and lists

    private JsonNode join(JsonNode expr, JsonNode arg) {
        if (!arg.isArray() || arg.size() != 2) {
            return Unresolved.node(expr, "Fn::Join needs [delimiter, [values]]");
        }
        JsonNode list = resolve(arg.get(1));
        Unresolved u = Unresolved.find(list);
        if (u != null) {
            return unresolved(expr, u);
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode v : list) {
            if (!v.isValueNode()) {
                return Unresolved.node(expr, "Fn::Join of a non-scalar value");
            }
            parts.add(v.asText());
        }
        return NODES.textNode(String.join(arg.get(0).asText(), parts));
    }

    private JsonNode sub(JsonNode expr, JsonNode arg) {
        String template;
        Map<String, JsonNode> vars = new HashMap<>();
        if (arg.isTextual()) {
            template = arg.asText();
        } else if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual()) {
            template = arg.get(0).asText();
            for (Iterator<Map.Entry<String, JsonNode>> it = arg.get(1).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                vars.put(e.getKey(), e.getValue());
            }
        } else {
            return Unresolved.node(expr, "Fn::Sub needs a string or [string, {variables}]");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int start = template.indexOf("${", i);
            if (start < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, start);
            int end = template.indexOf('}', start);
            if (end < 0) {
                out.append(template, start, template.length());
                break;
            }
            String name = template.substring(start + 2, end);
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else {
                JsonNode v = vars.containsKey(name) ? resolve(vars.get(name))
                        : name.contains(".") && !name.startsWith("AWS::")
                        ? getAtt(expr, NODES.textNode(name)) : ref(expr, name);
                if (Unresolved.is(v)) {
                    return unresolved(expr, v);
                }
                out.append(v.asText());
            }
            i = end + 1;
        }
        return NODES.textNode(out.toString());
    }

    private JsonNode select(JsonNode expr, JsonNode arg) {
        if (!arg.isArray() || arg.size() != 2) {
            return Unresolved.node(expr, "Fn::Select needs [index, [values]]");
        }
        JsonNode index = resolve(arg.get(0));
        JsonNode list = resolve(arg.get(1));
        if (Unresolved.is(index)) {
            return unresolved(expr, index);
        }
        if (Unresolved.is(list)) {
            return unresolved(expr, list);
        }
        int i;
        try {
            i = Integer.parseInt(index.asText().strip());
        } catch (NumberFormatException e) {
            return Unresolved.node(expr, "Fn::Select index is not a number");
        }
        if (!list.isArray() || i < 0 || i >= list.size()) {
            return Unresolved.node(expr, "Fn::Select index out of range");
        }
        return list.get(i);
    }

    private JsonNode split(JsonNode expr, JsonNode arg) {
        if (!arg.isArray() || arg.size() != 2) {
            return Unresolved.node(expr, "Fn::Split needs [delimiter, string]");
        }
        JsonNode s = resolve(arg.get(1));
        if (Unresolved.is(s)) {
            return unresolved(expr, s);
        }
        String delimiter = arg.get(0).asText();
        ArrayNode out = NODES.arrayNode();
        String text = s.asText();
        int from = 0;
        while (true) {
            int at = delimiter.isEmpty() ? -1 : text.indexOf(delimiter, from);
            if (at < 0) {
                out.add(text.substring(from));
                break;
            }
            out.add(text.substring(from, at));
            from = at + delimiter.length();
        }
        return out;
    }

    private JsonNode findInMap(JsonNode expr, JsonNode arg) {
        if (!arg.isArray() || arg.size() < 3) {
            return Unresolved.node(expr, "Fn::FindInMap needs [map, key, key]");
        }
        JsonNode[] keys = new JsonNode[3];
        for (int i = 0; i < 3; i++) {
            keys[i] = resolve(arg.get(i));
            if (Unresolved.is(keys[i])) {
                return unresolved(expr, keys[i]);
            }
        }
        JsonNode v = stack.template().section("Mappings").path(keys[0].asText()).path(keys[1].asText())
                .get(keys[2].asText());
        return v == null ? Unresolved.node(expr, "no such mapping entry") : resolve(v);
    }

    private JsonNode importValue(JsonNode expr, JsonNode arg) {
        JsonNode name = resolve(arg);
        if (Unresolved.is(name)) {
            return unresolved(expr, name);
        }
        JsonNode v = assembly.importValue(stack, name.asText());
        return v != null ? v : Unresolved.node(expr, "no stack of the assembly exports '" + name.asText() + "'");
    }

    // ------------------------------------------------------------------ conditions

    private JsonNode condition(String name) {
        JsonNode cached = conditions.get(name);
        if (cached != null) {
            return cached;
        }
        JsonNode def = stack.template().section("Conditions").get(name);
        JsonNode v = def == null ? Unresolved.node(NODES.objectNode().put("Condition", name), "no such condition")
                : resolve(def);
        if (!Unresolved.is(v) && !v.isBoolean()) {
            v = Unresolved.node(def, "condition " + name + " is not a boolean");
        }
        conditions.put(name, v);
        return v;
    }

    private JsonNode ifThen(JsonNode expr, JsonNode arg) {
        if (!arg.isArray() || arg.size() != 3) {
            return Unresolved.node(expr, "Fn::If needs [condition, then, else]");
        }
        JsonNode c = condition(arg.get(0).asText());
        if (Unresolved.is(c)) {
            return unresolved(expr, c);
        }
        return resolve(c.asBoolean() ? arg.get(1) : arg.get(2));
    }

    private JsonNode booleanFn(JsonNode expr, String fn, JsonNode arg) {
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode a : arg.isArray() ? arg : NODES.arrayNode().add(arg)) {
            JsonNode v = resolve(a);
            if (Unresolved.find(v) != null) {
                return unresolved(expr, Unresolved.find(v));
            }
            values.add(v);
        }
        return switch (fn) {
            case "Fn::Equals" -> NODES.booleanNode(values.size() == 2
                    && (values.get(0).equals(values.get(1)) || values.get(0).isValueNode() && values.get(1).isValueNode()
                    && values.get(0).asText().equals(values.get(1).asText())));
            case "Fn::Not" -> NODES.booleanNode(!values.get(0).asBoolean());
            case "Fn::And" -> NODES.booleanNode(values.stream().allMatch(JsonNode::asBoolean));
            default -> NODES.booleanNode(values.stream().anyMatch(JsonNode::asBoolean));
        };
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode known(JsonNode expr, String value, String why) {
        return value == null ? Unresolved.node(expr, why) : NODES.textNode(value);
    }

    /** An expression unresolved because a part of it is: keeps the whole expression and the part's reason. */
    private static JsonNode unresolved(JsonNode expr, JsonNode part) {
        return unresolved(expr, Unresolved.of(part));
    }

    private static JsonNode unresolved(JsonNode expr, Unresolved part) {
        return Unresolved.node(expr, part.expression().equals(Unresolved.compact(expr)) ? part.reason()
                : part.expression() + ": " + part.reason());
    }

    static String partition(String region) {
        if (region == null) {
            return null;
        }
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    private String partitionOr(String fallbackForIdentity) {
        String p = partition(stack.region());
        // Only our own identity token is built here, never a value a rule compares with AWS.
        return p == null ? fallbackForIdentity : p;
    }
}
