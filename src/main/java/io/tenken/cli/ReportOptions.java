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
    @Option(names = "--format", split = ",", paramLabel = "FORMAT")
    List<String> formats = List.of("html", "json");

    @Option(names = "--lang", paramLabel = "LANG")
    String lang = "en";

    @Option(names = "--rules", paramLabel = "DIR")
    Path rulesDir;

    @Option(names = "--policy", paramLabel = "FILE")
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
