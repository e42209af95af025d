package io.tenken.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.Json;
import io.tenken.engine.Evaluator;
import io.tenken.engine.RuleMetadata;
import io.tenken.engine.RulePack;
import io.tenken.findings.Finding;
import io.tenken.findings.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture in {@code src/test/resources/rules/}: each case evaluates its snapshot
 * with the bundled (build-time compiled) pack and compares the rule's findings, resource by
 * resource, with the expected statuses. Adding a rule means adding its fixture file here.
 */
class RuleFixturesTest {
    static final Path DIR = Path.of("src/test/resources/rules");
    static RulePack pack;

    @BeforeAll
    static void load() {
        pack = RulePack.bundled();
    }

    static List<RuleFixture> fixtures() throws IOException {
        List<RuleFixture> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                RuleFixture fx = Json.MAPPER.readValue(f.toFile(), RuleFixture.class);
                assertEquals(f.getFileName().toString(), fx.rule() + ".json", "fixture file name must be the rule id");
                out.add(fx);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicContainer> everyFixtureCase() throws IOException {
        Evaluator evaluator = new Evaluator(pack);
        return fixtures().stream().map(fx -> DynamicContainer.dynamicContainer(fx.rule(),
                fx.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    List<Finding> findings = evaluator.evaluate(c.snapshot(), c.effectivePolicy());
                    Map<String, Status> actual = new TreeMap<>();
                    Map<String, String> evidence = new TreeMap<>();
                    for (Finding f : findings) {
                        if (f.ruleId().equals(fx.rule())) {
                            actual.put(f.resourceId(), f.status());
                            // Every language renders the evidence (a key or argument count wrong in one fails here).
                            evidence.put(f.resourceId(), f.status() + ": " + pack.messages().texts("en").format(f.observed())
                                    + " / " + pack.messages().texts("ja").format(f.observed())
                                    + " / " + pack.messages().texts("ja").format(f.expected()));
                        }
                    }
                    assertEquals(new TreeMap<>(c.expect()), actual, "findings of " + fx.rule() + ": " + evidence);
                }))));
    }

    @Test
    void everyRuleHasFixturesWithPassAndFailAndError() throws IOException {
        Map<String, List<Status>> statuses = fixtures().stream().collect(Collectors.toMap(RuleFixture::rule,
                fx -> fx.cases().stream().flatMap(c -> c.expect().values().stream()).distinct().toList()));
        List<String> problems = new ArrayList<>();
        for (RuleMetadata rule : pack.rules()) {
            List<Status> seen = statuses.get(rule.id());
            if (seen == null) {
                problems.add(rule.id() + ": no fixture file " + DIR.resolve(rule.id() + ".json"));
                continue;
            }
            for (Status required : List.of(Status.PASS, Status.FAIL, Status.ERROR)) {
                if (!seen.contains(required)) {
                    problems.add(rule.id() + ": no case expecting " + required);
                }
            }
        }
        statuses.keySet().stream().filter(id -> pack.rules().stream().noneMatch(r -> r.id().equals(id)))
                .forEach(id -> problems.add(id + ": fixture for a rule that does not exist"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyRuleHasEnglishAndJapaneseTexts() {
        List<String> missing = new ArrayList<>();
        for (RuleMetadata rule : pack.rules()) {
            for (String lang : RulePack.LANGUAGES) {
                for (String field : List.of("title", "rationale", "remediation")) {
                    if (!pack.hasText(lang, rule.id(), field)) {
                        missing.add(rule.id() + "." + field + " [" + lang + "]");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "missing rule texts: " + missing);
        assertFalse(pack.rules().isEmpty());
    }
}
