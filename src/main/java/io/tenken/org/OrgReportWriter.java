package io.tenken.org;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tenken.AtomicFiles;
import io.tenken.report.Escape;
import io.tenken.report.JsonStreams;
import io.tenken.report.Labels;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation report in four formats, in the report's language: {@code org-report.html}
 * (a table whose account cells link to each account's report), {@code org-report.json},
 * {@code org-report.md} and {@code org-report.csv}. Account names are attacker-controlled:
 * escaped in every format. Written whole or not at all.
 */
public final class OrgReportWriter {
    private OrgReportWriter() {
    }

    public static List<Path> write(OrgReport report, Path outDir) throws IOException {
        Map<String, String> t = Labels.forLanguage(report.lang());
        Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put("org-report.html", out -> html(report, t, out));
        files.put("org-report.json", out -> json(report, out));
        files.put("org-report.md", out -> markdown(report, t, out));
        files.put("org-report.csv", out -> csv(report, t, out));
        return AtomicFiles.streamAll(outDir, files);
    }

    static void json(OrgReport r, OutputStream out) throws IOException {
        try (JsonGenerator g = JsonStreams.pretty(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeStringField("lang", r.lang());
            g.writeNumberField("exitCode", r.exitCode());
            JsonStreams.strings(g, "concepts", r.concepts());
            g.writeArrayFieldStart("accounts");
            for (OrgReport.Row row : r.rows()) {
                g.writeStartObject();
                g.writeStringField("accountId", row.accountId());
                g.writeStringField("name", row.name());
                g.writeStringField("state", row.state());
                g.writeStringField("error", row.error());
                g.writeNumberField("exitCode", row.exitCode());
                g.writeStringField("report", row.report());
                g.writeNumberField("failingConcepts", row.failing());
                g.writeNumberField("erroringConcepts", row.erroring());
                g.writeObjectFieldStart("concepts");
                for (Map.Entry<String, String> e : row.cells().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    static void csv(OrgReport r, Map<String, String> t, OutputStream out) throws IOException {
        Writer w = writer(out);
        w.write('\uFEFF');
        List<String> header = new ArrayList<>(List.of(t.get("org.account"), t.get("org.name"), t.get("org.state"),
                t.get("org.failing"), t.get("org.erroring"), t.get("org.error")));
        header.addAll(r.concepts());
        row(w, header);
        // English keeps the machine names (SCANNED, FAIL); other languages get the words their auditors read.
        boolean english = "en".equals(r.lang());
        for (OrgReport.Row row : r.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.accountId(), nz(row.name()),
                    english ? row.state() : t.get("org.state." + row.state()),
                    Integer.toString(row.failing()), Integer.toString(row.erroring()), nz(row.error())));
            for (String c : r.concepts()) {
                String s = row.cells().getOrDefault(c, "");
                cells.add(english || s.isEmpty() ? s : t.getOrDefault("status." + s, s));
            }
            row(w, cells);
        }
        w.flush();
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(Escape.csv(cells.get(i)));
        }
        w.write("\r\n");
    }

    static void markdown(OrgReport r, Map<String, String> t, OutputStream out) throws IOException {
        Writer w = writer(out);
        w.write("## " + Escape.markdown(t.get("org.title")) + "\n\n");
        w.write(Escape.markdown(t.get("org.subtitle")) + "\n\n");
        w.write("| " + Escape.markdown(t.get("org.account")) + " | " + Escape.markdown(t.get("org.name")) + " | "
                + Escape.markdown(t.get("org.state")) + " | " + Escape.markdown(t.get("org.failing")) + " | "
                + Escape.markdown(t.get("org.erroring")) + " | " + Escape.markdown(t.get("org.error")) + " |\n");
        w.write("|---|---|---|---:|---:|---|\n");
        for (OrgReport.Row row : r.rows()) {
            w.write("| " + Escape.markdown(row.accountId()) + " | " + Escape.markdown(nz(row.name())) + " | "
                    + Escape.markdown(t.get("org.state." + row.state())) + " | " + row.failing() + " | "
                    + row.erroring() + " | " + Escape.markdown(nz(row.error())) + " |\n");
        }
        w.write("\n");
        w.flush();
    }

    static void html(OrgReport r, Map<String, String> t, OutputStream out) throws IOException {
        Writer w = writer(out);
        w.write("<!DOCTYPE html>\n<html lang=\"" + html(r.lang()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                + html(t.get("org.title")) + "</title>\n<style>\n"
                + "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1f24}"
                + "table{border-collapse:collapse;font-size:.85rem}th,td{border:1px solid #d0d7de;padding:.25rem .4rem}"
                + "th.c{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:normal}"
                + "td.FAIL{background:#ffd7d5}td.ERROR{background:#fff1c2}td.WAIVED{background:#e6e6fa}"
                + "td.PASS{background:#dafbe1}td.NOT_APPLICABLE{color:#6e7781}td a{color:inherit;text-decoration:none}"
                + "@media print{@page{size:A4 landscape}}\n</style>\n</head>\n<body>\n");
        w.write("<h1>" + html(t.get("org.title")) + "</h1>\n<p>" + html(t.get("org.subtitle")) + "</p>\n");
        w.write("<table>\n<thead><tr><th>" + html(t.get("org.account")) + "</th><th>" + html(t.get("org.name"))
                + "</th><th>" + html(t.get("org.failing")) + "</th><th>" + html(t.get("org.erroring")) + "</th>");
        for (String c : r.concepts()) {
            w.write("<th class=\"c\" scope=\"col\">" + html(c) + "</th>");
        }
        w.write("</tr></thead>\n<tbody>\n");
        for (OrgReport.Row row : r.rows()) {
            String link = row.report() == null ? null : html(row.report());
            w.write("<tr><th scope=\"row\">" + (link == null ? html(row.accountId())
                    : "<a href=\"" + link + "\">" + html(row.accountId()) + "</a>") + "</th><td>"
                    + html(nz(row.name())) + (row.error() == null ? ""
                    : "<br><small>" + html(t.get("org.error")) + ": " + html(row.error()) + "</small>")
                    + "</td><td>" + row.failing() + "</td><td>" + row.erroring() + "</td>");
            for (String c : r.concepts()) {
                String s = row.cells().get(c);
                if (s == null) {
                    w.write("<td>" + html(t.get("org.none")) + "</td>");
                    continue;
                }
                String label = html(t.getOrDefault("status." + s, s));
                w.write("<td class=\"" + html(s) + "\" title=\"" + html(c) + "\">"
                        + (link == null ? label : "<a href=\"" + link + "\">" + label + "</a>") + "</td>");
            }
            w.write("</tr>\n");
        }
        w.write("</tbody>\n</table>\n</body>\n</html>\n");
        w.flush();
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
