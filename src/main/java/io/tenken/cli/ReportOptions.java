package io.tenken.cli;

import io.tenken.InvalidInputException;
import io.tenken.pipeline.AnalysisConfig;
import io.tenken.report.ReportRenderer;
import io.tenken.report.Renderers;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by every command that writes reports. */
public final class ReportOptions {
    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "Report formats, comma-separated: html, json, sarif, junit, markdown, csv, ocsf, asff (default: html,json).")
    List<String> formats = List.of("html", "json");

    @Option(names = "--lang", paramLabel = "LANG", description = "Report language: en or ja (default: en).")
    String lang = "en";

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Directory of .drl files (and messages_en/ja.properties) that add to or replace bundled rule files of the same name.")
    Path rulesDir;

    @Option(names = "--policy", paramLabel = "FILE", description = "Organisation policy (YAML) with thresholds; default: built-in.")
    Path policyFile;

    public String lang() {
        if (!"en".equals(lang) && !"ja".equals(lang)) {
            throw InvalidInputException.of("error.lang", lang);
        }
        return lang;
    }

    /** These options as the start of an analysis configuration. */
    public AnalysisConfig.AnalysisConfigBuilder config() {
        return AnalysisConfig.builder().lang(lang()).formats(formats).rulesDir(rulesDir).policyFile(policyFile);
    }

    public List<ReportRenderer> renderers() {
        return Renderers.forFormats(formats);
    }

    public Path rulesDir() {
        return rulesDir;
    }

    public Path policyFile() {
        return policyFile;
    }
}
