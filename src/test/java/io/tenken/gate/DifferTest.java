package io.tenken.gate;

import static io.tenken.TestReports.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.InvalidInputException;
import io.tenken.TestReports;
import io.tenken.findings.DiffEntry;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.ReportDiff;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;
import io.tenken.report.JsonReportRenderer;
import io.tenken.report.Scorecard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DifferTest {
    static Baseline saved(Report r, Path file) throws Exception {
        Files.write(file, new JsonReportRenderer().render(r));
        return Baseline.read(file);
    }

    static List<String> ids(List<DiffEntry> l) {
        return l.stream().map(DiffEntry::resourceId).toList();
    }

    @Test
    void everyCategory(@TempDir Path dir) throws Exception {
        List<Finding> before = List.of(
                finding("S3-01", Status.FAIL, Severity.HIGH, "still"),
                finding("S3-01", Status.FAIL, Severity.HIGH, "fixed"),
                finding("S3-01", Status.FAIL, Severity.HIGH, "deleted"),
                finding("S3-01", Status.PASS, Severity.HIGH, "regressed"),
                finding("S3-01", Status.FAIL, Severity.HIGH, "waived-now"),
                finding("S3-01", Status.WAIVED, Severity.HIGH, "waiver-expired"),
                finding("S3-01", Status.FAIL, Severity.HIGH, "unreadable-now"),
                finding("S3-01", Status.WAIVED, Severity.HIGH, "waived-both"));
        List<Finding> after = List.of(
                finding("S3-01", Status.FAIL, Severity.HIGH, "still"),
                finding("S3-01", Status.PASS, Severity.HIGH, "fixed"),
                finding("S3-01", Status.FAIL, Severity.HIGH, "regressed"),
                finding("LOGS-01", Status.FAIL, Severity.MEDIUM, "brand-new"),
                finding("S3-01", Status.WAIVED, Severity.HIGH, "waived-now"),
                finding("S3-01", Status.FAIL, Severity.HIGH, "waiver-expired"),
                finding("S3-01", Status.ERROR, Severity.HIGH, "unreadable-now"),
                finding("S3-01", Status.WAIVED, Severity.HIGH, "waived-both"));
        Baseline old = saved(TestReports.report(before), dir.resolve("old.json"));
        Report now = Differ.withDiff(TestReports.report(after), old);
        ReportDiff d = now.diff();
        assertEquals(List.of("regressed", "waiver-expired", "brand-new"), ids(d.newFailures()),
                "sorted by severity, then rule, then resource");
        assertNull(d.newFailures().get(2).previousStatus(), "not in the baseline");
        assertEquals(Status.WAIVED, d.newFailures().get(1).previousStatus());
        // "deleted" is gone while S3-01 has an ERROR (on another resource): not evaluated, not resolved.
        assertEquals(List.of("fixed"), ids(d.resolved()));
        assertEquals(List.of("deleted", "unreadable-now"), ids(d.notEvaluated()));
        assertNull(d.notEvaluated().get(0).status(), "gone");
        assertEquals(List.of("still"), ids(d.stillFailing()));
        assertEquals(List.of("waived-now"), ids(d.newlyWaived()));
        assertEquals(old.sha256(), d.baselineSha256());
        assertEquals(2, Differ.newFailuresAtLeast(d, Severity.HIGH));
        assertEquals(3, Differ.newFailuresAtLeast(d, Severity.MEDIUM));
    }

    @Test
    void aFailWhoseCheckIsNowErrorOnAnotherResourceIdIsNotEvaluatedNeverResolved(@TempDir Path dir) throws Exception {
        // Denying cloudtrail:DescribeTrails once "resolved" CLOUDTRAIL-03, CLOUDTRAIL-05 and S3-07.
        String trail = "arn:aws:cloudtrail:us-east-1:123456789012:trail/main";
        List<Finding> before = List.of(
                finding("CLOUDTRAIL-03", Status.FAIL, Severity.MEDIUM, trail),
                finding("CLOUDTRAIL-05", Status.FAIL, Severity.INFO, trail),
                finding("S3-07", Status.FAIL, Severity.MEDIUM, "arn:aws:s3:::trail-bucket"),
                finding("S3-01", Status.FAIL, Severity.HIGH, "arn:aws:s3:::deleted"));
        List<Finding> after = List.of(
                finding("CLOUDTRAIL-03", Status.ERROR, Severity.MEDIUM, "cloudtrail:us-east-1"),
                finding("CLOUDTRAIL-05", Status.ERROR, Severity.INFO, "cloudtrail:us-east-1"),
                finding("S3-07", Status.ERROR, Severity.MEDIUM, "cloudtrail:us-east-1"),
                finding("S3-01", Status.PASS, Severity.HIGH, "arn:aws:s3:::other"));
        ReportDiff d = Differ.withDiff(TestReports.report(after), saved(TestReports.report(before),
                dir.resolve("old.json"))).diff();
        assertEquals(List.of("arn:aws:s3:::deleted"), ids(d.resolved()));
        assertEquals(List.of(trail, "arn:aws:s3:::trail-bucket", trail), ids(d.notEvaluated()));
    }

    private static Finding conceptFinding(String ruleId, Status status, String concept, String resourceId) {
        return new Finding(ruleId, status, Severity.HIGH, "svc", List.of(concept), "ap-northeast-1", resourceId,
                io.tenken.findings.Message.of("test.observed", resourceId), io.tenken.findings.Message.of("test.expected"));
    }

    @Test
    void theScoreAtTheBaselineCountsTheSameConceptsTheSameWay(@TempDir Path dir) throws Exception {
        List<Finding> before = List.of(
                conceptFinding("S3-01", Status.FAIL, "data.encryption", "a"),
                conceptFinding("S3-01", Status.PASS, "data.encryption", "b"),
                conceptFinding("IAM-01", Status.PASS, "iam.mfa", "root"),
                conceptFinding("WAF-01", Status.FAIL, "edge.waf", "acl"),
                conceptFinding("OLD-01", Status.PASS, "retired.concept", "x"));
        List<Finding> after = List.of(
                conceptFinding("S3-01", Status.PASS, "data.encryption", "a"),
                conceptFinding("S3-01", Status.PASS, "data.encryption", "b"),
                conceptFinding("IAM-01", Status.PASS, "iam.mfa", "root"),
                conceptFinding("WAF-01", Status.ERROR, "edge.waf", "acl"),
                conceptFinding("NEW-01", Status.FAIL, "new.concept", "y"));
        Report now = TestReports.report(after);
        Baseline old = saved(TestReports.report(before), dir.resolve("old.json"));
        ReportDiff d = Differ.withDiff(now, old).diff();
        // Now: encryption and MFA compliant, WAF unknown, the new concept failing: 2 of 4.
        assertEquals(new io.tenken.findings.ConceptScore(2, 1, 1, 0), d.score());
        assertEquals(50, d.score().percent());
        Scorecard.Score overall = Scorecard.of(now, Scorecard.BUNDLED_CHECKLIST).overall();
        assertEquals(List.of(overall.compliant(), overall.failing(), overall.unknown(), overall.waived()),
                List.of(d.score().compliant(), d.score().failing(), d.score().unknown(), d.score().waived()),
                "the report's own score");
        // Then, over today's concepts: encryption failing (one bucket), MFA compliant, WAF failing; the
        // retired concept is not counted and the new one was not judged: 1 of 3.
        assertEquals(new io.tenken.findings.ConceptScore(1, 2, 0, 0), d.baselineScore());
        assertEquals(33, d.baselineScore().percent());

        // A baseline whose findings carry no concepts (before schemaVersion 3) takes them from the rules.
        Path stripped = dir.resolve("old-v2.json");
        com.fasterxml.jackson.databind.JsonNode doc = io.tenken.Json.MAPPER.readTree(dir.resolve("old.json").toFile());
        doc.path("findings").forEach(f -> ((com.fasterxml.jackson.databind.node.ObjectNode) f).remove("concepts"));
        io.tenken.Json.MAPPER.writeValue(stripped.toFile(), doc);
        assertEquals(d.baselineScore(), Differ.withDiff(now, Baseline.read(stripped)).diff().baselineScore());

        // tenken diff OLD NEW: the same figures from two saved reports.
        ReportDiff saved = Differ.diff(old, saved(now, dir.resolve("new.json")));
        assertEquals(d.score(), saved.score());
        assertEquals(d.baselineScore(), saved.baselineScore());
    }

    @Test
    void badBaselineNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("old.json");
        Files.writeString(f, "{\n  \"schemaVersion\": 2,\n  \"metadata\": {},\n  \"findings\": [\n    {\"ruleId\": \"S3-01\",}\n  ]\n}\n");
        String msg = assertThrows(InvalidInputException.class, () -> Baseline.read(f)).getMessage();
        assertTrue(msg.startsWith(f + ":5:"), msg);

        Files.writeString(f, "{\"schemaVersion\": 2, \"metadata\": {}, \"findings\": [{\"ruleId\": \"S3-01\", "
                + "\"status\": \"MAYBE\", \"severity\": \"HIGH\", \"resourceId\": \"x\"}]}");
        msg = assertThrows(InvalidInputException.class, () -> Baseline.read(f)).getMessage();
        assertTrue(msg.startsWith(f + ":1:"), msg);
        assertTrue(msg.contains("findings[0].status"), msg);

        Files.writeString(f, "{\"schemaVersion\": 2, \"metadata\": {}}");
        msg = assertThrows(InvalidInputException.class, () -> Baseline.read(f)).getMessage();
        assertTrue(msg.contains("findings"), msg);

        msg = assertThrows(InvalidInputException.class, () -> Baseline.read(dir.resolve("none.json"))).getMessage();
        assertTrue(msg.endsWith("none.json: report file not found"), msg);
    }
}
