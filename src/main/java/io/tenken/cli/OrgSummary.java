package io.tenken.cli;

import io.tenken.org.OrgReport;
import io.tenken.report.Labels;
import java.util.Map;
import java.nio.file.Path;
import java.util.List;

/** The organisation run on stdout: one line per account, worst first, then the files. */
final class OrgSummary {
    private OrgSummary() {
    }

    static void print(OrgReport report, List<Path> files) {
        Map<String, String> t = Labels.forLanguage(report.lang());
        System.out.println(Labels.format(t, "cli.org", report.rows().size()));
        for (OrgReport.Row r : report.rows()) {
            System.out.println("  " + Labels.format(t, "cli.orgRow", r.accountId(), t.get("org.state." + r.state()),
                    r.exitCode(), r.failing(), r.erroring()) + (r.error() == null ? "" : "  " + SummaryPrinter.oneLine(r.error())));
        }
        files.forEach(f -> System.out.println("  " + Labels.format(t, "cli.wrote", f)));
        System.out.println("  " + Labels.format(t, "cli.exitCode", report.exitCode()));
    }
}
