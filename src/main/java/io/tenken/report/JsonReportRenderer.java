package io.tenken.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tenken.Json;
import io.tenken.findings.Message;
import io.tenken.findings.Report;
import java.util.Map;

/**
 * The machine-readable report (contract: reports/report.schema.json). Rendered by a template
 * like every format, then parsed back: output that is not valid JSON is a bug and is never
 * written.
 */
public final class JsonReportRenderer implements ReportRenderer {
    /** A finding's evidence as JSON: {"key": ..., "args": [text or message, ...]}, so machines can re-render it. */
    public static final class MessageJson {
        public String json(Message m) {
            return write(m, new StringBuilder()).toString();
        }

        private static StringBuilder write(Message m, StringBuilder b) {
            b.append("{\"key\": ").append(quote(m.key())).append(", \"args\": [");
            for (int i = 0; i < m.args().size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                Object a = m.args().get(i);
                if (a instanceof Message inner) {
                    write(inner, b);
                } else {
                    b.append(quote((String) a));
                }
            }
            return b.append("]}");
        }

        private static String quote(String s) {
            try {
                return Json.MAPPER.writeValueAsString(s);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

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
        byte[] bytes = Templates.render("report.json.ftl", report, Map.of("messages", new MessageJson()));
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
