package io.tenken.gate;

import static io.tenken.TestReports.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.InvalidInputException;
import io.tenken.TestReports;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;
import io.tenken.findings.WaiverStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaiversTest {
    static final Path FILE = Path.of("waivers.yaml");

    static final String VALID = """
            waivers:
              - ruleId: S3-01
                resource: "arn:aws:s3:::legacy-*"
                reason: Legacy buckets, replaced in PROJ-123
                approvedBy: security@example.com
                expires: 2026-12-31
              - ruleId: LOGS-01
                resource: arn:aws:logs:ap-northeast-1:123456789012:log-group:/exact
                reason: Kept forever by legal hold
                approvedBy: legal@example.com
                expires: 2026-06-30
              - ruleId: COGNITO-01
                resource: "*"
                reason: Nothing matches this
                approvedBy: security@example.com
                expires: 2027-01-01
            """;

    static WaiverFile parse(String yaml) {
        return WaiverFile.parse(FILE, yaml.getBytes(StandardCharsets.UTF_8));
    }

    static String error(String yaml) {
        return assertThrows(InvalidInputException.class, () -> parse(yaml)).getMessage();
    }

    static Report sample() {
        return TestReports.report(List.of(
                finding("S3-01", Status.FAIL, Severity.HIGH, "arn:aws:s3:::legacy-a"),
                finding("S3-01", Status.FAIL, Severity.HIGH, "arn:aws:s3:::prod-b"),
                finding("S3-01", Status.ERROR, Severity.HIGH, "arn:aws:s3:::legacy-err"),
                finding("S3-01", Status.PASS, Severity.HIGH, "arn:aws:s3:::legacy-ok"),
                finding("LOGS-01", Status.FAIL, Severity.MEDIUM,
                        "arn:aws:logs:ap-northeast-1:123456789012:log-group:/exact"),
                finding("LOGS-01", Status.FAIL, Severity.MEDIUM,
                        "arn:aws:logs:ap-northeast-1:123456789012:log-group:/exact2")));
    }

    static Finding find(Report r, String resource) {
        return r.findings().stream().filter(f -> f.resourceId().equals(resource)).findFirst().orElseThrow();
    }

    @Test
    void validFileParses() {
        WaiverFile w = parse(VALID);
        assertEquals(3, w.waivers().size());
        assertEquals(LocalDate.of(2026, 12, 31), w.waivers().get(0).expires());
        assertEquals(64, w.sha256().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ruleId", "resource", "reason", "approvedBy", "expires"})
    void eachMissingFieldIsRejectedNamingTheEntry(String field) {
        StringBuilder entry = new StringBuilder();
        String[][] fields = {{"ruleId", "LOGS-01"}, {"resource", "x"}, {"reason", "r"}, {"approvedBy", "a"},
            {"expires", "2026-06-30"}};
        for (String[] kv : fields) {
            if (!kv[0].equals(field)) {
                entry.append(entry.length() == 0 ? "  - " : "    ").append(kv[0]).append(": ").append(kv[1]).append('\n');
            }
        }
        String first = VALID.substring(0, VALID.indexOf("  - ruleId: LOGS-01"));
        String msg = error(first + entry);
        assertTrue(msg.startsWith("waivers.yaml: waivers[1]"), msg);
        assertTrue(msg.contains("missing '" + field + "'"), msg);
        if (!field.equals("ruleId")) {
            assertTrue(msg.contains("waivers[1] (ruleId LOGS-01)"), msg);
        }
    }

    @Test
    void blankReasonIsMissing() {
        String msg = error(VALID.replace("reason: Kept forever by legal hold", "reason: \"  \""));
        assertTrue(msg.contains("waivers[1] (ruleId LOGS-01): missing 'reason'"), msg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026/06/30", "next year", "20260630"})
    void badDateIsRejected(String date) {
        String msg = error(VALID.replace("expires: 2026-06-30", "expires: " + date));
        assertTrue(msg.contains("waivers[1] (ruleId LOGS-01): 'expires' is '" + date + "'"), msg);
    }

    @Test
    void unknownKeyIsRejectedWithLineAndEntry() {
        String msg = error(VALID.replace("    reason: Kept forever", "    approver: bob\n    reason: Kept forever"));
        assertTrue(msg.startsWith("waivers.yaml:9:"), msg);
        assertTrue(msg.contains("approver"), msg);
        assertTrue(msg.contains("in waivers[1] (ruleId LOGS-01)"), msg);
    }

    @Test
    void fileWithoutWaiversListIsRejected() {
        assertTrue(error("something: else\n").contains("something"));
        assertTrue(error("waivers:\n").contains("top-level 'waivers' list"));
    }

    @Test
    void matchedFailBecomesWaivedWithTheWaiverAttached() {
        Report r = Waivers.apply(sample(), parse(VALID), LocalDate.of(2026, 6, 30));
        Finding legacy = find(r, "arn:aws:s3:::legacy-a");
        assertEquals(Status.WAIVED, legacy.status());
        assertEquals("security@example.com", legacy.waiver().approvedBy());
        assertEquals("2026-12-31", legacy.waiver().expires());
        assertEquals(Status.FAIL, find(r, "arn:aws:s3:::prod-b").status(), "glob does not match");
        assertEquals(Status.WAIVED, find(r, "arn:aws:logs:ap-northeast-1:123456789012:log-group:/exact").status());
        assertEquals(Status.FAIL, find(r, "arn:aws:logs:ap-northeast-1:123456789012:log-group:/exact2").status(),
                "an exact ARN is not a prefix");
        assertEquals(2, r.summary().count(Status.WAIVED));
        assertEquals(2, r.summary().count(Status.FAIL));
        assertEquals(1, r.summary().failuresAtLeast(Severity.HIGH), "WAIVED does not count toward the gate");
        assertEquals("2026-06-30", r.metadata().asOf());
        assertNotNull(r.metadata().waiversSha256());
    }

    @Test
    void waiversNeverChangeErrorPassOrNotApplicable() {
        Report r = Waivers.apply(sample(), parse(VALID), LocalDate.of(2026, 1, 1));
        assertEquals(Status.ERROR, find(r, "arn:aws:s3:::legacy-err").status());
        assertNull(find(r, "arn:aws:s3:::legacy-err").waiver());
        assertEquals(Status.PASS, find(r, "arn:aws:s3:::legacy-ok").status());
    }

    @Test
    void expiryIsInclusiveAndJudgedOnAsOf() {
        WaiverFile w = parse(VALID);
        Report onTheDay = Waivers.apply(sample(), w, LocalDate.of(2026, 6, 30));
        assertEquals(WaiverStatus.ACTIVE, onTheDay.waivers().get(1).state());
        Report dayAfter = Waivers.apply(sample(), w, LocalDate.of(2026, 7, 1));
        WaiverStatus expired = dayAfter.waivers().get(1);
        assertEquals(WaiverStatus.EXPIRED, expired.state());
        assertEquals(1, expired.matched(), "counts what it would have covered");
        assertEquals(Status.FAIL, find(dayAfter, "arn:aws:logs:ap-northeast-1:123456789012:log-group:/exact").status());
        assertEquals("2026-07-01", dayAfter.metadata().asOf());
    }

    @Test
    void unusedWaiverIsListed() {
        Report r = Waivers.apply(sample(), parse(VALID), LocalDate.of(2026, 1, 1));
        WaiverStatus unused = r.waivers().get(2);
        assertEquals("COGNITO-01", unused.ruleId());
        assertEquals(WaiverStatus.UNUSED, unused.state());
        assertEquals(0, unused.matched());
        assertEquals(WaiverStatus.ACTIVE, r.waivers().get(0).state());
        assertEquals(1, r.waivers().get(0).matched());
    }

    @Test
    void globsAreCaseSensitiveAndSpanSeparators() {
        assertTrue(ResourceGlob.matches("arn:aws:s3:::*", "arn:aws:s3:::a/b:c"));
        assertTrue(ResourceGlob.matches("arn:aws:s3:::bucket-?", "arn:aws:s3:::bucket-1"));
        assertTrue(!ResourceGlob.matches("arn:aws:s3:::Bucket", "arn:aws:s3:::bucket"));
        assertTrue(!ResourceGlob.matches("arn:aws:s3:::a.c", "arn:aws:s3:::abc"), "regex characters are literal");
    }
}
