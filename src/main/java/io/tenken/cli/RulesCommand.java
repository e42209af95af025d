package io.tenken.cli;

import io.tenken.engine.Coverage;
import io.tenken.engine.RuleMetadata;
import io.tenken.engine.RulePack;
import io.tenken.report.Labels;
import java.util.List;
import java.util.Map;
import io.tenken.findings.RuleInfo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tenken rules}: the rule catalog. */
@Command(name = "rules", mixinStandardHelpOptions = true)
final class RulesCommand implements Callable<Integer> {
    @Option(names = "--lang", paramLabel = "LANG")
    String lang = "en";

    @Option(names = "--rules", paramLabel = "DIR")
    Path rulesDir;

    @Option(names = "--coverage")
    boolean coverage;

    @Override
    public Integer call() {
        ReportOptions langCheck = new ReportOptions();
        langCheck.lang = lang;
        RulePack pack = io.tenken.pipeline.Analysis.rulePack(rulesDir);
        Map<String, String> t = Labels.forLanguage(langCheck.lang());
        if (coverage) {
            return printCoverage(pack, langCheck.lang(), t);
        }
        System.out.println(pad("ID", 14) + " " + pad(t.get("rules.severity"), 9) + " " + pad(t.get("rules.concepts"), 34)
                + " " + t.get("rules.title"));
        for (RuleInfo r : pack.catalog(langCheck.lang())) {
            System.out.printf("%-14s %-9s %-34s %s%n", r.id(), r.severity(), String.join(",", r.concepts()), r.title());
            String refs = references(r.references(), t);
            if (!refs.isEmpty()) {
                System.out.printf("%-14s %s%n", "", refs);
            }
        }
        System.out.println(Labels.format(t, "rules.count", pack.rules().size(), pack.sha256()));
        return ExitCodes.OK;
    }

    /** {@code s} padded to {@code columns} terminal columns (CJK characters take two). */
    static String pad(String s, int columns) {
        return s + " ".repeat(Math.max(0, columns - columns(s)));
    }

    /** Terminal columns of {@code s}: kanji, kana and full-width forms take two. */
    static int columns(String s) {
        return s.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA || (c >= 0xFF01 && c <= 0xFF60) ? 2 : 1).sum();
    }

    /**
     * The equivalent controls per source ("FSBP S3.12 | CIS - | Prowler s3_bucket_acl_prohibited | cdk-nag -"),
     * then the related ones; empty when the rule cites none.
     */
    static String references(List<String> refs, Map<String, String> t) {
        if (refs.isEmpty()) {
            return "";
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String source : List.of("FSBP", "CIS", "Prowler", "cdk-nag")) {
            List<String> ids = refs.stream().filter(x -> x.startsWith(source + " "))
                    .map(x -> x.substring(source.length() + 1)).toList();
            parts.add(source + " " + (ids.isEmpty() ? "-" : String.join(", ", ids)));
        }
        List<String> related = refs.stream().filter(x -> x.startsWith("related ")).map(x -> x.substring(8)).toList();
        return String.join(" | ", parts) + (related.isEmpty() ? ""
                : " | " + Labels.format(t, "rules.related", String.join(", ", related)));
    }

    private static int printCoverage(RulePack pack, String lang, Map<String, String> t) {
        List<Coverage.Row> rows = Coverage.bundled(pack);
        // TEMPLATE: can `tenken template` decide the concept (every rule of it), some of it, or not at all.
        java.util.Map<String, RuleMetadata> byId = new java.util.HashMap<>();
        pack.rules().forEach(r -> byId.put(r.id(), r));
        int templateColumn = Math.max(9, columns(t.get("rules.template")));
        System.out.println(pad(t.get("rules.concept"), 38) + " " + pad(t.get("rules.template"), templateColumn) + " "
                + t.get("rules.coveredBy"));
        int uncovered = 0;
        for (Coverage.Row row : rows) {
            String by;
            if (!row.ruleIds().isEmpty()) {
                by = String.join(", ", row.ruleIds());
            } else if (row.manual() != null) {
                by = Labels.format(t, "rules.manual", row.manual().reason().getOrDefault(lang, row.manual().reason().get("en")))
                        + System.lineSeparator() + " ".repeat(40 + templateColumn) + Labels.format(t, "rules.auditor",
                        row.manual().auditorCheck().getOrDefault(lang, row.manual().auditorCheck().get("en")));
            } else {
                by = t.get("rules.notCovered");
                uncovered++;
            }
            long decidable = row.ruleIds().stream().filter(id -> byId.containsKey(id)
                    && io.tenken.template.TemplateCoverage.whyNot(byId.get(id)) == null).count();
            String template = t.get(row.ruleIds().isEmpty() || decidable == 0 ? "rules.no"
                    : decidable == row.ruleIds().size() ? "rules.yes" : "rules.partly");
            System.out.println(pad(row.concept(), 38) + " " + pad(template, templateColumn) + " " + by);
        }
        long manual = rows.stream().filter(r -> r.ruleIds().isEmpty() && r.manual() != null).count();
        System.out.println(Labels.format(t, "rules.coverageCount", rows.size(), rows.size() - manual - uncovered, manual,
                uncovered));
        System.out.println(t.get("rules.templateNote"));
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
