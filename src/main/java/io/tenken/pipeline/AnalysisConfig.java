package io.tenken.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one analysis needs, as a plain value: a program (a test, a service, an
 * organisation scan) builds one and runs {@link Analysis} without the command line. A null
 * path means "not given": built-in rules and policy, no waivers, no baseline.
 *
 * @param lang         report language, {@code en} or {@code ja}
 * @param formats      report formats ({@code html}, {@code json}, ...)
 * @param rulesDir     DRL files that add to or replace bundled ones
 * @param policyFile   organisation policy (YAML)
 * @param waiversFile  waivers (YAML)
 * @param asOf         evaluation date for waiver expiry; null = today (UTC)
 * @param baselineFile an earlier JSON report to diff against
 * @param checks       which checks to judge ({@link CheckSelection#all()} when null)
 */
@lombok.Builder(toBuilder = true)
public record AnalysisConfig(String lang, List<String> formats, Path rulesDir, Path policyFile, Path waiversFile,
                             LocalDate asOf, Path baselineFile, CheckSelection checks) {
    public AnalysisConfig {
        checks = checks == null ? CheckSelection.all() : checks;
        lang = lang == null ? "en" : lang;
        formats = formats == null ? List.of("html", "json") : List.copyOf(formats);
    }

    /** English HTML and JSON, bundled rules, built-in policy, no waivers or baseline. */
    public static AnalysisConfig defaults() {
        return AnalysisConfig.builder().build();
    }
}
