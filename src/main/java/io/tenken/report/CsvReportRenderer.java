package io.tenken.report;

import io.tenken.findings.AppliedWaiver;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Every finding as one row, for auditors' spreadsheets: RFC 4180 (CRLF, every field quoted),
 * UTF-8 with a byte-order mark so Excel reads Japanese text, and formula injection defused. Written
 * row by row as it goes.
 */
public final class CsvReportRenderer implements ReportRenderer {
    static final List<String> HEADER = List.of("ruleId", "severity", "status", "service", "region", "resourceId",
            "title", "observed", "expected", "waiverReason", "waiverApprovedBy", "waiverExpires", "accountId",
            "snapshotSha256");

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String fileName() {
        return "report.csv";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        Writer b = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        b.append('\uFEFF');
        Map<String, String> t = Labels.forLanguage(report.metadata().lang());
        // English keeps the field names and enum values machines read; other languages get column
        // names and status/severity words as their auditors read them.
        boolean english = "en".equals(report.metadata().lang());
        row(b, english ? HEADER : List.of(t.get("csv.header").split(",", -1)));
        String account = report.metadata().accountId();
        String snapshot = report.metadata().snapshotSha256();
        for (Finding f : report.findings()) {
            AppliedWaiver w = f.waiver();
            row(b, java.util.Arrays.asList(f.ruleId(),
                    english ? f.severity().name() : t.get("severity." + f.severity().name()),
                    english ? f.status().name() : t.get("status." + f.status().name()), f.service(), f.region(),
                    f.resourceId(), report.title(f), report.text(f.observed()), report.text(f.expected()), w == null ? null : w.reason(),
                    w == null ? null : w.approvedBy(), w == null ? null : w.expires(), account, snapshot));
        }
        b.flush();
    }

    private static void row(Writer b, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(Escape.csv(fields.get(i)));
        }
        b.append("\r\n");
    }
}
