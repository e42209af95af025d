package io.tenken.cli;

import io.tenken.engine.Coverage;
import io.tenken.engine.RuleMetadata;
import io.tenken.engine.RulePack;
import java.util.List;
import io.tenken.findings.RuleInfo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tenken rules}: the rule catalog. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules: id, severity, concepts, title.")
final class RulesCommand implements Callable<Integer> {
    @Option(names = "--lang", paramLabel = "LANG", description = "Language of titles: en or ja (default: en).")
    String lang = "en";

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load rule files from this directory.")
    Path rulesDir;

    @Option(names = "--coverage", description = "Show the checklist coverage: concept -> rule ids, or MANUAL with the reason.")
    boolean coverage;

    @Override
    public Integer call() {
        ReportOptions langCheck = new ReportOptions();
        langCheck.lang = lang;
        RulePack pack = io.tenken.pipeline.Analysis.rulePack(rulesDir);
        if (coverage) {
            return printCoverage(pack, langCheck.lang());
        }
        System.out.printf("%-14s %-9s %-34s %s%n", "ID", "SEVERITY", "CONCEPTS", "TITLE");
        for (RuleInfo r : pack.catalog(langCheck.lang())) {
            System.out.printf("%-14s %-9s %-34s %s%n", r.id(), r.severity(), String.join(",", r.concepts()), r.title());
            String refs = references(r.references());
            if (!refs.isEmpty()) {
                System.out.printf("%-14s %s%n", "", refs);
            }
        }
        System.out.println(pack.rules().size() + " rules, rule pack sha256 " + pack.sha256());
        return ExitCodes.OK;
    }

    /**
     * The equivalent controls per source ("FSBP S3.12 | CIS - | Prowler s3_bucket_acl_prohibited"),
     * then the related ones; empty when the rule cites none.
     */
    static String references(List<String> refs) {
        if (refs.isEmpty()) {
            return "";
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String source : List.of("FSBP", "CIS", "Prowler")) {
            List<String> ids = refs.stream().filter(x -> x.startsWith(source + " "))
                    .map(x -> x.substring(source.length() + 1)).toList();
            parts.add(source + " " + (ids.isEmpty() ? "-" : String.join(", ", ids)));
        }
        List<String> related = refs.stream().filter(x -> x.startsWith("related ")).map(x -> x.substring(8)).toList();
        return String.join(" | ", parts) + (related.isEmpty() ? "" : " | related: " + String.join(", ", related));
    }

    private static int printCoverage(RulePack pack, String lang) {
        List<Coverage.Row> rows = Coverage.bundled(pack);
        // TEMPLATE: can `tenken template` decide the concept (every rule of it), some of it, or not at all.
        java.util.Map<String, RuleMetadata> byId = new java.util.HashMap<>();
        pack.rules().forEach(r -> byId.put(r.id(), r));
        System.out.printf("%-38s %-9s %s%n", "CONCEPT", "TEMPLATE", "COVERED BY");
        int uncovered = 0;
        for (Coverage.Row row : rows) {
            String by;
            if (!row.ruleIds().isEmpty()) {
                by = String.join(", ", row.ruleIds());
            } else if (row.manual() != null) {
                by = "MANUAL: " + row.manual().reason().getOrDefault(lang, row.manual().reason().get("en"))
                        + System.lineSeparator() + " ".repeat(49) + "auditor: "
                        + row.manual().auditorCheck().getOrDefault(lang, row.manual().auditorCheck().get("en"));
            } else {
                by = "NOT COVERED";
                uncovered++;
            }
            long decidable = row.ruleIds().stream().filter(id -> byId.containsKey(id)
                    && io.tenken.template.TemplateCoverage.whyNot(byId.get(id)) == null).count();
            String template = row.ruleIds().isEmpty() || decidable == 0 ? "no"
                    : decidable == row.ruleIds().size() ? "yes" : "partly";
            System.out.printf("%-38s %-9s %s%n", row.concept(), template, by);
        }
        long manual = rows.stream().filter(r -> r.ruleIds().isEmpty() && r.manual() != null).count();
        System.out.printf("%d concepts: %d by rules, %d MANUAL, %d not covered%n", rows.size(),
                rows.size() - manual - uncovered, manual, uncovered);
        System.out.println("TEMPLATE: whether `tenken template` can decide the concept; account-level ones need --account-snapshot:");
        var texts = pack.messages().texts(lang);
        for (RuleMetadata r : pack.rules()) {
            var why = io.tenken.template.TemplateCoverage.whyNot(r);
            if (why != null) {
                System.out.printf("  %-14s %s%n", r.id(), texts.text(why));
            }
        }
        return uncovered == 0 ? ExitCodes.OK : ExitCodes.FAILURES;
    }
}
