package io.tenken.report;

import io.tenken.findings.Report;

/** One output format. Add a format by adding an implementation and registering it in {@link Renderers}. */
public interface ReportRenderer {
    /** The name users pass to {@code --format}. */
    String format();

    /** File name written in the output directory. */
    String fileName();

    /** Renders in memory: nothing is written until every requested format has rendered. */
    byte[] render(Report report);

    /** FreeMarker templates this format renders with, so they can be parsed ahead of use. */
    default java.util.List<String> templates() {
        return java.util.List.of();
    }
}
