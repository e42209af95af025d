package io.tenken.cli;

import io.tenken.InvalidInputException;
import io.tenken.pipeline.AnalysisConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Waivers, evaluation date, baseline and check filters: the options every report-writing command that judges
 * an account shares ({@code evaluate}, {@code scan}, {@code template}, {@code verify}).
 */
public final class AuditOptions {
    @Option(names = "--waivers", paramLabel = "FILE")
    Path waivers;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD")
    String asOf;

    @Option(names = "--baseline", paramLabel = "REPORT.json")
    Path baseline;

    /** --checks, --exclude-checks, --services, --severity: every command that judges takes them. */
    @Mixin
    CheckOptions checks = new CheckOptions();

    /** These options on top of {@code config}. */
    public AnalysisConfig.AnalysisConfigBuilder applyTo(AnalysisConfig.AnalysisConfigBuilder config) {
        return config.waiversFile(waivers).baselineFile(baseline).checks(checks.selection())
                .asOf(asOf == null ? null : parseDate("--as-of", asOf));
    }

    public boolean hasBaseline() {
        return baseline != null;
    }

    static LocalDate parseDate(String option, String value) {
        try {
            return LocalDate.parse(value.strip(),
                    DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT));
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("error.date", option, value);
        }
    }
}
