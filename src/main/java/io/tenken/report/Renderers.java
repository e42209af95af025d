package io.tenken.report;

import io.tenken.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of output formats, by the name {@code --format} takes. */
public final class Renderers {
    private static final Map<String, ReportRenderer> ALL = new LinkedHashMap<>();

    static {
        register(new HtmlReportRenderer());
        register(new JsonReportRenderer());
        register(new SarifReportRenderer());
        register(new JunitReportRenderer());
        register(new MarkdownReportRenderer());
        register(new CsvReportRenderer());
        register(new OcsfReportRenderer());
        register(new AsffReportRenderer());
    }

    private Renderers() {
    }

    private static void register(ReportRenderer r) {
        ALL.put(r.format(), r);
    }

    public static List<String> formats() {
        return List.copyOf(ALL.keySet());
    }

    public static List<ReportRenderer> forFormats(List<String> formats) {
        List<ReportRenderer> out = new ArrayList<>();
        for (String f : formats) {
            ReportRenderer r = ALL.get(f.trim().toLowerCase(java.util.Locale.ROOT));
            if (r == null) {
                throw InvalidInputException.of("error.format", f, String.join(", ", ALL.keySet()));
            }
            if (!out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }
}
