package io.tenken.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;

/**
 * A template value that cannot be known before deployment (an attribute of a custom resource,
 * {@code Fn::GetAZs}, an import no stack of the assembly exports, ...). It travels through
 * resolution as a {@link POJONode} so that any expression built from it is unresolved too, and
 * carries the original expression for the evidence. Never replaced by a guess.
 */
public record Unresolved(String expression, String reason) {

    public static JsonNode node(JsonNode expression, String reason) {
        return new POJONode(new Unresolved(compact(expression), reason));
    }

    public static boolean is(JsonNode n) {
        return n != null && n.isPojo() && ((POJONode) n).getPojo() instanceof Unresolved;
    }

    public static Unresolved of(JsonNode n) {
        return (Unresolved) ((POJONode) n).getPojo();
    }

    /** The first unresolved value anywhere in {@code n}, or null when it is fully known. */
    public static Unresolved find(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (is(n)) {
            return of(n);
        }
        for (JsonNode child : n) {
            Unresolved u = find(child);
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    /** The expression and why, for evidence: {@code {"Fn::GetAZs":""} (not known before deployment)}. */
    public String describe() {
        return expression + " (" + reason + ")";
    }

    static String compact(JsonNode n) {
        String s = n == null ? "null" : n.toString();
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
}
