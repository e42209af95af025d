package io.tenken.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import io.tenken.findings.AppliedWaiver;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.RuleInfo;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The HTML report's findings as compact JSON for the page script, written straight into the
 * template's output ({@code <@data/>}) with Jackson's generator: rules as [id, severity, service,
 * title], findings as [rule index, status, region, resource, observed, expected, waiver text or
 * null]. Inside {@code <script>} only {@code </script} or {@code <!--} could end or confuse the
 * element; {@code < > &} only occur inside JSON strings, where {@code \u003c} etc. mean the same.
 */
final class DataIsland implements TemplateDirectiveModel {
    private final Report report;
    private final List<RuleInfo> rules;
    private final Map<String, String> labels;

    DataIsland(Report report, List<RuleInfo> rules, Map<String, String> labels) {
        this.report = report;
        this.rules = rules;
        this.labels = labels;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        if (!params.isEmpty() || body != null) {
            throw new TemplateModelException("<@data/> takes no parameters and no body");
        }
        write(env.getOut());
    }

    void write(Writer out) throws IOException {
        try (JsonGenerator g = JsonStreams.compact(out)) {
            g.setCharacterEscapes(ScriptSafe.INSTANCE);
            g.writeStartObject();
            g.writeObjectFieldStart("labels");
            for (Map.Entry<String, String> e : labels.entrySet()) {
                if (shownByScript(e.getKey())) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
            }
            g.writeEndObject();
            g.writeArrayFieldStart("statuses");
            for (Status s : Status.values()) {
                g.writeString(s.name());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("severities");
            for (Severity s : Severity.values()) {
                g.writeString(s.name());
            }
            g.writeEndArray();
            Map<String, Integer> index = new HashMap<>();
            g.writeArrayFieldStart("rules");
            for (RuleInfo r : rules) {
                index.put(r.id(), index.size());
                rule(g, r.id(), r.severity(), r.service(), r.title());
            }
            // A finding of a rule the catalog lacks gets a row of its own.
            for (Finding f : report.findings()) {
                if (!index.containsKey(f.ruleId())) {
                    index.put(f.ruleId(), index.size());
                    rule(g, f.ruleId(), f.severity(), f.service(), report.title(f));
                }
            }
            g.writeEndArray();
            TreeSet<String> services = new TreeSet<>();
            g.writeArrayFieldStart("findings");
            for (Finding f : report.findings()) {
                services.add(f.service());
                g.writeStartArray();
                g.writeNumber(index.get(f.ruleId()));
                g.writeNumber(f.status().ordinal());
                g.writeString(f.region());
                g.writeString(f.resourceId() + MarkdownReportRenderer.where(f));
                g.writeString(report.text(f.observed()));
                g.writeString(report.text(f.expected()));
                AppliedWaiver w = f.waiver();
                if (w == null) {
                    g.writeNull();
                } else {
                    g.writeString(w.reason() + " — " + w.approvedBy() + " — " + w.expires());
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("services");
            for (String s : services) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static boolean shownByScript(String k) {
        return k.startsWith("status.") || k.startsWith("severity.") || k.startsWith("filter.")
                || k.equals("waivedBy") || k.equals("resource") || k.equals("observed") || k.equals("expected")
                || k.equals("region") || k.equals("status") || k.equals("severity") || k.equals("rules");
    }

    private static void rule(JsonGenerator g, String id, Severity severity, String service, String title)
            throws IOException {
        g.writeStartArray();
        g.writeString(id);
        g.writeString(severity.name());
        g.writeString(service);
        g.writeString(title);
        g.writeEndArray();
    }

    /** JSON escapes plus {@code < > &} as {@code \u003c \u003e \u0026}. */
    private static final class ScriptSafe extends CharacterEscapes {
        static final ScriptSafe INSTANCE = new ScriptSafe();
        private final int[] escapes = standardAsciiEscapesForJSON();

        private ScriptSafe() {
            escapes['<'] = ESCAPE_CUSTOM;
            escapes['>'] = ESCAPE_CUSTOM;
            escapes['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
    }
}
