package io.tenken.cli;

import io.tenken.org.OrgReport;
import java.nio.file.Path;
import java.util.List;

/** The organisation run on stdout: one line per account, worst first, then the files. */
final class OrgSummary {
    private OrgSummary() {
    }

    static void print(OrgReport report, List<Path> files) {
        System.out.println("organisation: " + report.rows().size() + " accounts");
        for (OrgReport.Row r : report.rows()) {
            System.out.println("  " + r.accountId() + "  " + r.state() + "  exit " + r.exitCode() + "  FAIL concepts "
                    + r.failing() + ", ERROR concepts " + r.erroring() + (r.error() == null ? "" : "  " + r.error()));
        }
        files.forEach(f -> System.out.println("  wrote " + f));
        System.out.println("  exit " + report.exitCode());
    }
}
