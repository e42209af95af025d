package io.tenken.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.TestReports;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTML report at 50,000 findings: one self-contained file, no external references, data
 * island escaped. Prints size and render time (the figures the README quotes).
 */
class BigReportTest {
    static final int N = 50_000;
    static final String[] RULES = {"S3-01", "LOGS-01", "COGNITO-01", "WAF-01", "BEDROCK-01", "CLOUDTRAIL-01",
        "IAM-01", "KMS-01", "EC2-01", "CLOUDFRONT-01"};

    static Report big() {
        List<Finding> fs = new ArrayList<>(N);
        Status[] statuses = {Status.PASS, Status.FAIL, Status.PASS, Status.ERROR, Status.NOT_APPLICABLE, Status.FAIL};
        for (int i = 0; i < N; i++) {
            String rule = RULES[i % RULES.length];
            Severity sev = Severity.values()[i % 4];
            String name = i % 1000 == 1 ? "</script><script>alert(" + i + ")</script><!--" : "bucket-" + i;
            fs.add(new Finding(rule, statuses[i % statuses.length], sev, rule.substring(0, rule.indexOf('-'))
                    .toLowerCase(Locale.ROOT), List.of("c"), "ap-northeast-1",
                    "arn:aws:" + rule.toLowerCase(Locale.ROOT) + ":ap-northeast-1:123456789012:" + name,
                    io.tenken.findings.Message.of("test.observed", "value " + i),
                    io.tenken.findings.Message.of("test.expected")));
        }
        return TestReports.report(fs);
    }

    @Test
    void fiftyThousandFindingsInOneSelfContainedFile() {
        Report report = big();
        HtmlReportRenderer renderer = new HtmlReportRenderer();
        renderer.render(TestReports.report(report.findings().subList(0, 100))); // warm up templates
        long t0 = System.nanoTime();
        byte[] bytes = renderer.render(report);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String html = new String(bytes, StandardCharsets.UTF_8);
        try {
            // Kept for opening in a browser (and src/bench/html-50k.sh).
            java.nio.file.Files.write(java.nio.file.Path.of("target", "big-report.html"), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.printf("BigReportTest: %d findings -> report.html %,d bytes (%.1f MiB), rendered in %d ms%n",
                N, bytes.length, bytes.length / 1048576.0, ms);

        for (Pattern p : new Pattern[] {
            Pattern.compile("(src|href|action)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE),
            Pattern.compile("@import", Pattern.CASE_INSENSITIVE),
            Pattern.compile("url\\(", Pattern.CASE_INSENSITIVE),
            Pattern.compile("<(link|iframe|img|object|embed)\\b", Pattern.CASE_INSENSITIVE)}) {
            Matcher m = p.matcher(html);
            assertFalse(m.find(), "external reference: " + (m.hitEnd() ? "" : html.substring(Math.max(0, m.start() - 40),
                    Math.min(html.length(), m.end() + 40))));
        }
        // Exactly the two script elements of the template: the data island and the inline script.
        assertEquals(2, count(html, "<script"), "no resource name opens a script element");
        assertEquals(2, count(html, "</script>"));
        assertTrue(html.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"), "data island escapes <");
        assertTrue(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)"), "no-JS fallback escapes markup");
        assertEquals(0, count(html, "<!--"), "no comment opener from data");
        assertTrue(bytes.length < 40 * 1024 * 1024, "stays a file a browser opens");
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
