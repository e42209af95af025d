package io.tenken.cli;

import io.tenken.InvalidInputException;
import io.tenken.gate.Baseline;
import io.tenken.gate.WaiverFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import picocli.CommandLine.Option;

/**
 * Waivers, evaluation date and baseline: the options every report-writing command that judges
 * an account shares ({@code evaluate}, {@code scan}, {@code verify}). {@link #load()} reads and
 * validates them all before anything is written.
 */
public final class AuditOptions {
    @Option(names = "--waivers", paramLabel = "FILE",
            description = "Waiver file (YAML): a FAIL matched by an unexpired waiver becomes WAIVED and does not fail the gate.")
    Path waivers;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Evaluation date for waiver expiry (default: today, UTC). Recorded in the report metadata.")
    String asOf;

    @Option(names = "--baseline", paramLabel = "REPORT.json",
            description = "An earlier JSON report: adds a diff section (new failures, resolved, still failing, newly waived).")
    Path baseline;

    /** Validated inputs of the audit step; a null field means the option was not given. */
    public record Loaded(WaiverFile waivers, LocalDate asOf, Baseline baseline) {
        public static final Loaded NONE = new Loaded(null, null, null);
    }

    public Loaded load() {
        LocalDate date = asOf == null ? LocalDate.now(ZoneOffset.UTC) : parseDate("--as-of", asOf);
        WaiverFile w = waivers == null ? null : WaiverFile.read(waivers);
        Baseline b = baseline == null ? null : Baseline.read(baseline);
        return new Loaded(w, date, b);
    }

    public boolean hasBaseline() {
        return baseline != null;
    }

    static LocalDate parseDate(String option, String value) {
        try {
            return LocalDate.parse(value.strip(),
                    DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(option + ": '" + value + "' is not a date YYYY-MM-DD");
        }
    }
}
