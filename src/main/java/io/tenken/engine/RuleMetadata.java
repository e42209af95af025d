package io.tenken.engine;

import io.tenken.findings.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * Reads a rule's {@code @id @severity @concepts @service @requires @references} annotations. Drools keeps
 * the quotes of {@code @id("X")} when DRL is compiled at run time but strips them in a kjar, so
 * every read goes through {@link #text}.
 */
public record RuleMetadata(String id, Severity severity, String service, List<String> concepts,
                           List<String> requires, List<String> references, String ruleName, String packageName) {

    public static RuleMetadata of(Rule rule, String origin) {
        Map<String, Object> meta = rule.getMetaData();
        String where = origin + ": rule \"" + rule.getName() + "\"";
        String id = required(meta, "id", where);
        String severityText = required(meta, "severity", where);
        Severity severity;
        try {
            severity = Severity.parse(severityText);
        } catch (IllegalArgumentException e) {
            throw io.tenken.InvalidInputException.of("error.io", where, e.getMessage());
        }
        String service = required(meta, "service", where);
        List<String> concepts = list(required(meta, "concepts", where));
        String requiresText = text(meta.get("requires"));
        List<String> requires = requiresText == null ? List.of(service) : list(requiresText);
        String refs = text(meta.get("references"));
        List<String> references = refs == null ? List.of() : list(refs);
        return new RuleMetadata(id, severity, service, concepts, requires, references, rule.getName(),
                rule.getPackageName());
    }

    /** Same id, severity, service, concepts and required services. */
    boolean sameCheckAs(RuleMetadata o) {
        return id.equals(o.id) && severity == o.severity && service.equals(o.service)
                && concepts.equals(o.concepts) && requires.equals(o.requires) && references.equals(o.references);
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String required(Map<String, Object> meta, String key, String where) {
        String v = text(meta.get(key));
        if (v == null || v.isBlank()) {
            throw io.tenken.InvalidInputException.of("error.ruleMetadata", where, key);
        }
        return v;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).sorted().toList();
    }
}
