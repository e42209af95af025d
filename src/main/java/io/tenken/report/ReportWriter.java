package io.tenken.report;

import io.tenken.findings.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : rendered.entrySet()) {
            Path target = outDir.resolve(e.getKey());
            Path tmp = Files.createTempFile(outDir, "." + e.getKey(), ".tmp");
            try {
                Files.write(tmp, e.getValue());
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            written.add(target);
        }
        return written;
    }
}
