package io.tenken.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tenken.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which checklist concepts the rule pack covers: every concept key of {@code rules/CHECKLIST.md}
 * maps to rule ids, or to a MANUAL entry of {@code rules/manual.yaml} saying why it is not
 * decided automatically and what an auditor should look at.
 */
public final class Coverage {
    private static final Pattern CONCEPT_ROW = Pattern.compile("(?m)^\\|\\s*([a-z0-9-]+\\.[a-z0-9.-]+)\\s*\\|");

    /** One checklist concept and what covers it. */
    public record Row(String concept, List<String> ruleIds, ManualCheck manual) {
        public boolean covered() {
            return !ruleIds.isEmpty() || manual != null;
        }
    }

    /** A concept decided by a person, not by a rule. */
    public record ManualCheck(String concept, Map<String, String> reason, Map<String, String> auditorCheck) {
    }

    private Coverage() {
    }

    /** Concept keys in checklist order. */
    public static List<String> checklistConcepts(String checklistMarkdown) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = CONCEPT_ROW.matcher(checklistMarkdown);
        while (m.find()) {
            out.add(m.group(1));
        }
        return List.copyOf(out);
    }

    public static List<ManualCheck> manualChecks(String yaml) {
        try {
            return Json.YAML.readValue(yaml, new TypeReference<List<ManualCheck>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("rules/manual.yaml: " + e.getMessage(), e);
        }
    }

    public static List<Row> compute(RulePack pack, List<String> concepts, List<ManualCheck> manual) {
        Map<String, List<String>> rulesByConcept = new TreeMap<>();
        for (RuleMetadata r : pack.rules()) {
            for (String c : r.concepts()) {
                rulesByConcept.computeIfAbsent(c, k -> new ArrayList<>()).add(r.id());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String c : concepts) {
            ManualCheck mc = manual.stream().filter(x -> x.concept().equals(c)).findFirst().orElse(null);
            rows.add(new Row(c, List.copyOf(rulesByConcept.getOrDefault(c, List.of())), mc));
        }
        return rows;
    }

    /** The bundled checklist and manual list. */
    public static List<Row> bundled(RulePack pack) {
        return compute(pack, checklistConcepts(RuleSources.classpathText("rules/CHECKLIST.md")),
                manualChecks(RuleSources.classpathText("rules/manual.yaml")));
    }
}
