package io.tenken.report;

import io.tenken.findings.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders every requested format first, then writes them: a failing template leaves no
 * report behind, and each file appears whole (temp file + atomic rename).
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static List<Path> write(Report report, List<ReportRenderer> renderers, Path outDir) throws IOException {
        Map<String, byte[]> rendered = new LinkedHashMap<>();
        for (ReportRenderer r : renderers) {
            rendered.put(r.fileName(), r.render(report));
        }
        return io.tenken.AtomicFiles.writeAll(outDir, rendered);
    }
}
