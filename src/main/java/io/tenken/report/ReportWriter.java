package io.tenken.report;

import io.tenken.AtomicFiles;
import io.tenken.findings.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams every requested format into a temp file first, then renames them into place: a
 * failing template leaves no report behind, each file appears whole, and no format is ever
 * held in memory.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static List<Path> write(Report report, List<ReportRenderer> renderers, Path outDir) throws IOException {
        Map<String, AtomicFiles.Content> contents = new LinkedHashMap<>();
        for (ReportRenderer r : renderers) {
            contents.put(r.fileName(), out -> r.write(report, out));
        }
        return AtomicFiles.streamAll(outDir, contents);
    }
}
