package io.tenken.report;

import io.tenken.findings.AppliedWaiver;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.RuleInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI dashboards: one test suite per rule, one test case per (rule, resource).
 * FAIL → {@code <failure>}, ERROR → {@code <error>}, NOT_APPLICABLE and WAIVED → {@code <skipped>}
 * with the reason, PASS → a plain test case. Written with the JDK's StAX writer (markup escaped);
 * characters XML 1.0 cannot carry become U+FFFD. No timestamps: the bytes are deterministic.
 */
public final class JunitReportRenderer implements ReportRenderer {
    @Override
    public String format() {
        return "junit";
    }

    @Override
    public String fileName() {
        return "report.junit.xml";
    }

    @Override
    public void write(Report report, java.io.OutputStream out) throws java.io.IOException {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        }
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        report.rules().forEach(r -> rules.put(r.id(), r));
        Map<String, String> t = Labels.forLanguage(report.metadata().lang());
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "tenken " + text(report.metadata().accountId()));
            counts(x, report.findings());
            x.writeCharacters("\n");
            for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
                RuleInfo r = rules.get(e.getKey());
                List<Finding> fs = e.getValue();
                x.writeCharacters("  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", text(e.getKey() + (r == null ? "" : " " + r.title())));
                counts(x, fs);
                x.writeCharacters("\n");
                for (Finding f : fs) {
                    testCase(x, report, t, f);
                }
                x.writeCharacters("  ");
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
            x.close(); // frees the writer; the caller's stream stays open
        } catch (XMLStreamException e) {
            throw new IllegalStateException("JUnit XML rendering failed: " + e.getMessage(), e);
        }
    }

    private static void counts(XMLStreamWriter x, List<Finding> fs) throws XMLStreamException {
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (Finding f : fs) {
            switch (f.status()) {
                case FAIL -> failures++;
                case ERROR -> errors++;
                case NOT_APPLICABLE, WAIVED -> skipped++;
                default -> {
                }
            }
        }
        x.writeAttribute("tests", Integer.toString(fs.size()));
        x.writeAttribute("failures", Integer.toString(failures));
        x.writeAttribute("errors", Integer.toString(errors));
        x.writeAttribute("skipped", Integer.toString(skipped));
        x.writeAttribute("time", "0");
    }

    private static void testCase(XMLStreamWriter x, Report report, Map<String, String> t, Finding f) throws XMLStreamException {
        x.writeCharacters("    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", text("tenken." + f.service() + "." + f.ruleId()));
        x.writeAttribute("name", text(f.resourceId() + " (" + f.region() + ")"));
        x.writeAttribute("time", "0");
        String observed = report.text(f.observed());
        String detail = Labels.format(t, "junit.detail", t.get("severity." + f.severity()), report.title(f),
                f.resourceId(), f.region(), observed, report.text(f.expected()));
        switch (f.status()) {
            case FAIL -> child(x, "failure", t.get("severity." + f.severity()) + ": " + observed, f.severity().name(), detail);
            case ERROR -> child(x, "error", Labels.format(t, "junit.notEvaluated", observed), "ERROR", detail);
            case NOT_APPLICABLE -> child(x, "skipped", Labels.format(t, "junit.notApplicable", observed), null, null);
            case WAIVED -> {
                AppliedWaiver w = f.waiver();
                child(x, "skipped", Labels.format(t, "junit.waived", w.reason(), w.approvedBy(), w.expires()), null, null);
            }
            default -> {
            }
        }
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static void child(XMLStreamWriter x, String name, String message, String type, String body)
            throws XMLStreamException {
        x.writeStartElement(name);
        x.writeAttribute("message", text(message));
        if (type != null) {
            x.writeAttribute("type", type);
        }
        if (body != null) {
            x.writeCharacters(text(body));
        }
        x.writeEndElement();
    }

    private static String text(String s) {
        return Escape.xmlText(s);
    }

}
