package io.tenken.report;

import io.tenken.findings.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** One output format. Add a format by adding an implementation and registering it in {@link Renderers}. */
public interface ReportRenderer {
    /** The name users pass to {@code --format}. */
    String format();

    /** File name written in the output directory. */
    String fileName();

    /**
     * Writes the report to {@code out} as it goes: a report of a million findings never exists
     * whole in memory. The caller owns {@code out} (buffers it, closes it, decides whether the
     * file is kept); a renderer flushes what it wrote before returning.
     */
    void write(Report report, OutputStream out) throws IOException;

    /** The whole report in memory: for small reports (tests, {@code verify}). */
    default byte[] render(Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try {
            write(report, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** FreeMarker templates this format renders with, so they can be parsed ahead of use. */
    default java.util.List<String> templates() {
        return java.util.List.of();
    }
}
