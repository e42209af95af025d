package io.tenken.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tenken.Json;
import io.tenken.findings.Report;
import java.util.Map;

/**
 * The machine-readable report (contract: reports/report.schema.json). Rendered by a template
 * like every format, then parsed back: output that is not valid JSON is a bug and is never
 * written.
 */
public final class JsonReportRenderer implements ReportRenderer {
    @Override
    public String format() {
        return "json";
    }

    @Override
    public String fileName() {
        return "report.json";
    }

    @Override
    public java.util.List<String> templates() {
        return java.util.List.of("report.json.ftl");
    }

    @Override
    public byte[] render(Report report) {
        byte[] bytes = Templates.render("report.json.ftl", report, Map.of());
        try {
            Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON report template produced invalid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes;
    }
}
