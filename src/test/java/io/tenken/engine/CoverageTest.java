package io.tenken.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every checklist concept is covered by a rule or listed as MANUAL with a reason. */
class CoverageTest {
    static final Path CHECKLIST_COPY = Path.of("rules/CHECKLIST.md");
    /** The team's checklist beside the repository, when this checkout has it. */
    static final Path SHARED_CHECKLIST = Path.of("../shared/CHECKLIST.md");

    @Test
    void everyConceptIsCoveredOrManual() {
        List<Coverage.Row> rows = Coverage.bundled(RulePack.bundled());
        List<String> uncovered = rows.stream().filter(r -> !r.covered()).map(Coverage.Row::concept).toList();
        assertTrue(uncovered.isEmpty(), "concepts with neither a rule nor a MANUAL entry: " + uncovered);
        assertTrue(rows.size() >= 40, "checklist parsed: " + rows.size());
        for (Coverage.Row r : rows) {
            if (r.manual() != null) {
                for (String lang : RulePack.LANGUAGES) {
                    assertTrue(!r.manual().reason().getOrDefault(lang, "").isBlank(), r.concept() + " reason " + lang);
                    assertTrue(!r.manual().auditorCheck().getOrDefault(lang, "").isBlank(), r.concept() + " auditor " + lang);
                }
            }
        }
    }

    @Test
    void everyRuleNamesOnlyChecklistConcepts() throws Exception {
        List<String> concepts = Coverage.checklistConcepts(Files.readString(CHECKLIST_COPY));
        String unknown = RulePack.bundled().rules().stream()
                .flatMap(r -> r.concepts().stream().filter(c -> !concepts.contains(c)).map(c -> r.id() + ":" + c))
                .collect(Collectors.joining(", "));
        assertEquals("", unknown, "rules naming concepts not in the checklist");
    }

    @Test
    void bundledChecklistIsTheTeamsChecklist() throws Exception {
        if (Files.exists(SHARED_CHECKLIST)) {
            assertEquals(Files.readString(SHARED_CHECKLIST), Files.readString(CHECKLIST_COPY),
                    "rules/CHECKLIST.md is out of date: copy ../shared/CHECKLIST.md");
        }
    }

    @Test
    void coverageCommandPrintsTheTable() {
        CliRun run = CliRun.of("rules", "--coverage");
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("monitoring.alarms") && run.out().contains("MANUAL"), run.out());
        assertTrue(run.out().contains("cognito.self-signup-disabled") && run.out().contains("COGNITO-01"), run.out());
    }
}
