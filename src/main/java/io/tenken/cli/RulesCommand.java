package io.tenken.cli;

import io.tenken.engine.RulePack;
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

    @Override
    public Integer call() {
        ReportOptions langCheck = new ReportOptions();
        langCheck.lang = lang;
        RulePack pack = ReportJob.rulePack(rulesDir);
        System.out.printf("%-14s %-9s %-34s %s%n", "ID", "SEVERITY", "CONCEPTS", "TITLE");
        for (RuleInfo r : pack.catalog(langCheck.lang())) {
            System.out.printf("%-14s %-9s %-34s %s%n", r.id(), r.severity(), String.join(",", r.concepts()), r.title());
        }
        System.out.println(pack.rules().size() + " rules, rule pack sha256 " + pack.sha256());
        return ExitCodes.OK;
    }
}
