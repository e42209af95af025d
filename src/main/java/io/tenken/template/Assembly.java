package io.tenken.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every stack read in one run, with what crosses stacks: {@code Export}s (for
 * {@code Fn::ImportValue}), CDK's cross-region export writers (SSM parameters under
 * {@code /cdk/exports/}, read back by {@code Custom::CrossRegionExportReader}) and nested stacks'
 * outputs. One {@link Resolver} per stack, created on first use.
 */
public final class Assembly {
    private final List<Stack> stacks;
    private final Map<String, Resolver> resolvers = new HashMap<>();
    private Map<String, List<Export>> exports;

    /** An output's export: the stack it is in and the value expression (resolved in that stack). */
    record Export(Stack stack, String name, JsonNode value) {
    }

    public Assembly(List<Stack> stacks) {
        this.stacks = List.copyOf(stacks);
    }

    public List<Stack> stacks() {
        return stacks;
    }

    public Resolver resolver(Stack stack) {
        return resolvers.computeIfAbsent(stack.name(), n -> new Resolver(stack, this));
    }

    /** The value an import of {@code name} gets in {@code importer}'s account and region, or null. */
    JsonNode importValue(Stack importer, String name) {
        for (Export e : exports().getOrDefault(name, List.of())) {
            if (sameEnvironment(e.stack().account(), importer.account())
                    && sameEnvironment(e.stack().region(), importer.region())) {
                return resolver(e.stack()).resolve(e.value());
            }
        }
        return null;
    }

    /**
     * The value a cross-region export reader in {@code reader} gets for parameter {@code name}:
     * the writer whose {@code WriterProps.exports} has it, writing to the reader's region.
     */
    JsonNode crossRegionValue(Stack reader, String name) {
        for (Stack s : stacks) {
            for (Iterator<Map.Entry<String, JsonNode>> it = s.template().section("Resources").fields(); it.hasNext(); ) {
                JsonNode r = it.next().getValue();
                if (!"Custom::CrossRegionExportWriter".equals(r.path("Type").asText())) {
                    continue;
                }
                JsonNode props = r.path("Properties").path("WriterProps");
                JsonNode value = props.path("exports").get(name);
                if (value == null) {
                    continue;
                }
                JsonNode region = resolver(s).resolve(props.path("region"));
                if (Unresolved.is(region) || reader.region() == null || region.asText().equals(reader.region())) {
                    return resolver(s).resolve(value);
                }
            }
        }
        return null;
    }

    private static boolean sameEnvironment(String a, String b) {
        return a == null || b == null || Objects.equals(a, b);
    }

    private Map<String, List<Export>> exports() {
        if (exports == null) {
            exports = new HashMap<>();
            for (Stack s : stacks) {
                for (Iterator<Map.Entry<String, JsonNode>> it = s.template().section("Outputs").fields(); it.hasNext(); ) {
                    JsonNode out = it.next().getValue();
                    JsonNode exportName = out.path("Export").get("Name");
                    if (exportName == null) {
                        continue;
                    }
                    JsonNode name = resolver(s).resolve(exportName);
                    if (!Unresolved.is(name) && name.isTextual()) {
                        exports.computeIfAbsent(name.asText(), k -> new ArrayList<>())
                                .add(new Export(s, name.asText(), out.path("Value")));
                    }
                }
            }
        }
        return exports;
    }

    Stack nested(Stack parent, String logicalId) {
        for (Stack s : stacks) {
            if (s.parent() == parent && logicalId.equals(s.parentLogicalId())) {
                return s;
            }
        }
        return null;
    }
}
