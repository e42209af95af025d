package io.tenken.report;

import io.tenken.findings.ConceptScore;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verdict at a glance: compliance scored over the checklist's concepts (a concept counts once,
 * however many resources it was checked on), overall, per checklist section and per service.
 * A concept is compliant when every finding of it is PASS (or N/A); any FAIL makes it
 * non-compliant, any ERROR (without FAIL) unknown, a WAIVED FAIL accepted. Only judged concepts
 * count: a concept that is N/A everywhere or checked by hand (MANUAL) is not in the score.
 */
public record Scorecard(Score overall, List<Score> sections, List<Score> services) {
    /** One bar of the chart: compliant concepts out of judged ones, and how the rest split ({@link ConceptScore}). */
    public record Score(String key, int compliant, int failing, int unknown, int waived) {
        public int judged() {
            return new ConceptScore(compliant, failing, unknown, waived).judged();
        }

        public int percent() {
            return new ConceptScore(compliant, failing, unknown, waived).percent();
        }
    }

    /** The checklist the rule pack is written against (rules/CHECKLIST.md, bundled). */
    public static final String BUNDLED_CHECKLIST = checklist();

    private static String checklist() {
        try (java.io.InputStream in = Scorecard.class.getClassLoader().getResourceAsStream("rules/CHECKLIST.md")) {
            return in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final Pattern HEADING = Pattern.compile("^## (\\S+)");
    private static final Pattern CONCEPT_ROW = Pattern.compile("^\\| ([a-z0-9-]+\\.[a-z0-9.-]+) \\|");

    public static Scorecard of(Report report, String checklistMarkdown) {
        Map<String, String> sectionOf = sections(checklistMarkdown);
        Map<String, Status> concepts = new TreeMap<>();
        Map<String, Map<String, Status>> byService = new TreeMap<>();
        for (Finding f : report.findings()) {
            for (String c : f.concepts()) {
                concepts.merge(c, f.status(), ConceptScore::worse);
                byService.computeIfAbsent(f.service(), k -> new TreeMap<>()).merge(c, f.status(), ConceptScore::worse);
            }
        }
        Map<String, Map<String, Status>> bySection = new LinkedHashMap<>();
        new LinkedHashMap<>(sectionOf).values().stream().distinct().forEach(s -> bySection.put(s, new TreeMap<>()));
        concepts.forEach((c, st) -> bySection.computeIfAbsent(sectionOf.getOrDefault(c, "other"), k -> new TreeMap<>())
                .put(c, st));
        List<Score> sections = new ArrayList<>();
        bySection.forEach((k, m) -> {
            Score s = score(k, m);
            if (s.judged() > 0) {
                sections.add(s);
            }
        });
        List<Score> services = new ArrayList<>();
        byService.forEach((k, m) -> {
            Score s = score(k, m);
            if (s.judged() > 0) {
                services.add(s);
            }
        });
        return new Scorecard(score("overall", concepts), sections, services);
    }

    /** Concept key → section key (the first word of its "## " heading, lower-cased). */
    static Map<String, String> sections(String checklistMarkdown) {
        Map<String, String> out = new LinkedHashMap<>();
        String section = "other";
        for (String line : checklistMarkdown.split("\n")) {
            Matcher h = HEADING.matcher(line);
            if (h.find()) {
                section = h.group(1).replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT);
                continue;
            }
            Matcher c = CONCEPT_ROW.matcher(line);
            if (c.find()) {
                out.putIfAbsent(c.group(1), section);
            }
        }
        return out;
    }

    private static Score score(String key, Map<String, Status> concepts) {
        ConceptScore s = ConceptScore.of(concepts.values());
        return new Score(key, s.compliant(), s.failing(), s.unknown(), s.waived());
    }
}
