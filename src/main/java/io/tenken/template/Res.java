package io.tenken.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.facts.CollectionError;
import io.tenken.facts.Resource;
import io.tenken.facts.Unknown;
import java.util.ArrayList;
import java.util.List;

/**
 * One template resource being mapped to facts: its properties are resolved on demand; an
 * unresolved one is recorded once as an error on the resource (so every verdict on it is
 * ERROR with the expression in the evidence) and read as absent by the mapping.
 */
final class Res {
    final Stack stack;
    final String logicalId;
    final JsonNode node;
    final Resolver resolver;
    final String type;
    final List<String> defaults = new ArrayList<>();
    /** Unresolved properties (path → why), written onto the fields they fill (see {@link PropertyFields}). */
    final java.util.Map<String, Unknown> unresolved = new java.util.TreeMap<>();
    private final List<CollectionError> errors;
    private final String service;

    Res(Stack stack, String logicalId, JsonNode node, Resolver resolver, String service, List<CollectionError> errors) {
        this.stack = stack;
        this.logicalId = logicalId;
        this.node = node;
        this.resolver = resolver;
        this.type = node.path("Type").asText();
        this.service = service;
        this.errors = errors;
    }

    /** The service whose facts the resource gives (the service of its errors). */
    String service() {
        return service;
    }

    String id() {
        return stack.resourceId(logicalId);
    }

    String region() {
        return stack.region() == null ? "unknown" : stack.region();
    }

    /** The resolved property at a dotted path, or null when absent; unresolved → recorded, null. */
    JsonNode prop(String path) {
        JsonNode raw = node.path("Properties");
        for (String part : path.split("\\.")) {
            raw = raw.path(part);
        }
        if (raw.isMissingNode()) {
            return null;
        }
        JsonNode v = resolver.resolve(raw);
        Unresolved u = Unresolved.find(v);
        if (u != null) {
            unresolved(path, u);
            return Unresolved.is(v) ? null : v;
        }
        return v == Resolver.NO_VALUE ? null : v;
    }

    String text(String path) {
        JsonNode v = prop(path);
        return v == null || !v.isValueNode() ? null : v.asText();
    }

    Integer integer(String path) {
        JsonNode v = prop(path);
        if (v == null || !v.isValueNode()) {
            return null;
        }
        try {
            return Integer.valueOf(v.asText().strip());
        } catch (NumberFormatException e) {
            unresolved(path, new Unresolved(v.toString(), "not a number"));
            return null;
        }
    }

    /** A boolean property; absent → {@code otherwise}, stated as the default when {@code name} is given. */
    boolean bool(String path, boolean otherwise, String defaultNote) {
        JsonNode v = prop(path);
        if (v == null) {
            if (defaultNote != null) {
                note(path + " absent = " + otherwise + defaultNote);
            }
            return otherwise;
        }
        return v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText());
    }

    List<String> strings(String path) {
        JsonNode v = prop(path);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(x -> {
                if (!Unresolved.is(x)) {
                    out.add(x.asText());
                }
            });
        } else {
            out.add(v.asText());
        }
        return out;
    }

    /** The property for evidence: its resolved JSON, unresolved parts written as their expression; null when absent. */
    String printable(String path) {
        JsonNode raw = node.path("Properties");
        for (String part : path.split("\\.")) {
            raw = raw.path(part);
        }
        return raw.isMissingNode() ? null : FactMapper.printable(resolver.resolve(raw));
    }

    /** Records a default the mapping applied; none for a property that is present but unresolved (it is unknown, not absent). */
    void note(String defaultApplied) {
        int cut = defaultApplied.indexOf(" absent");
        String subject = cut < 0 ? null : defaultApplied.substring(0, cut);
        if (subject != null && unresolved.keySet().stream().anyMatch(p -> p.equals(subject) || p.endsWith("." + subject)
                || p.startsWith(subject + "."))) {
            return;
        }
        defaults.add(defaultApplied);
    }

    /** Whether the property is written in the template (resolved or not). */
    boolean has(String path) {
        JsonNode raw = node.path("Properties");
        for (String part : path.split("\\.")) {
            raw = raw.path(part);
        }
        return !raw.isMissingNode();
    }

    /**
     * Records an unresolved property: as an error of the resource (the snapshot's list of what
     * the templates leave open) and as the unknown value of the fact fields it fills.
     */
    void unresolved(String path, Unresolved u) {
        String operation = resolverOperation(path);
        String message = "Properties." + path + " = " + u.describe();
        unresolved.putIfAbsent(path, Unknown.expression(message, operation));
        error(operation, Unknown.UNRESOLVED_CODE, message, id());
    }

    void error(String operation, String code, String message, String resourceId) {
        errors.add(CollectionError.builder().service(service).region(Resource.GLOBAL.equals(serviceRegion()) ? Resource.GLOBAL : region())
                .operation(operation).errorCode(code).message(message).resourceId(resourceId).build());
    }

    private String serviceRegion() {
        return service.equals("iam") || service.equals("cloudfront") ? Resource.GLOBAL : region();
    }

    private String resolverOperation(String path) {
        return "template " + stack.template().displayPath() + ":" + stack.template().lineOf(logicalId) + " "
                + logicalId + "." + path;
    }

    String cdkPath() {
        JsonNode p = node.path("Metadata").get("aws:cdk:path");
        return p == null ? null : p.asText();
    }
}
