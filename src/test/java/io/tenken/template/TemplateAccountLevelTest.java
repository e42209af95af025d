package io.tenken.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.Bucket;
import io.tenken.facts.LifecycleExpiration;
import io.tenken.facts.Trail;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.Status;
import io.tenken.pipeline.Analysis;
import io.tenken.pipeline.AnalysisConfig;
import io.tenken.pipeline.Sources;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.Snapshot;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Account-level checks on a template: a trail the template declares is judged on its own
 * settings (CLOUDTRAIL-02/03/06/07, S3-06/07); whether the account is covered, and the security
 * services, are ERROR unless an account snapshot gives them, and then judged on the account's
 * trails beside the template's.
 */
class TemplateAccountLevelTest {
    static final Path TEMPLATE = Path.of("src/test/resources/template/trail/audit.yaml");
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);

    static Report report(LoadedSnapshot account) {
        Snapshot s = TemplateSource.snapshot(List.of(TEMPLATE), account, AS_OF);
        return Analysis.prepare(AnalysisConfig.defaults()).report(new LoadedSnapshot(s, "0".repeat(64)));
    }

    static Map<String, Status> of(Report r, String rule) {
        return r.findings().stream().filter(f -> f.ruleId().equals(rule))
                .collect(Collectors.toMap(Finding::resourceId, Finding::status, (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void theTemplatesTrailIsAFactWithItsSelectors() {
        Snapshot s = TemplateSource.snapshot(List.of(TEMPLATE), null, AS_OF);
        Trail t = s.getFacts().getTrails().get(0);
        assertEquals("app-trail", t.getName());
        assertEquals("audit/AuditLogs", t.getS3BucketName());
        assertTrue(t.isMultiRegion() && t.isLogging() && t.isLogFileValidation() && t.isManagementEvents());
        assertEquals("All", t.getReadWriteType());
        assertEquals(List.of("AWS::Bedrock::Model"), t.getDataEventResourceTypes());
        assertTrue(s.getSource().getResources().stream().filter(r -> r.getResourceId().equals("audit/AppTrail"))
                .allMatch(r -> r.getDefaults().contains("IsOrganizationTrail absent = false (service default)")));
    }

    @Test
    void lifecycleRulesKeepTheirFiltersAndLogsTheirPrefix() {
        Snapshot s = TemplateSource.snapshot(List.of(TEMPLATE), null, AS_OF);
        assertEquals("audit", s.getFacts().getTrails().get(0).getS3KeyPrefix());
        Map<String, Bucket> buckets = s.getFacts().getBuckets().stream()
                .collect(Collectors.toMap(Bucket::getResourceId, b -> b));
        assertEquals(List.of(LifecycleExpiration.builder().status("Enabled").days(2555).prefix("audit/").build(),
                LifecycleExpiration.builder().status("Enabled").days(30).prefix("").tagFilter(true).build()),
                buckets.get("audit/AuditLogs").getLifecycleExpirations());
        assertEquals(30, buckets.get("audit/AuditLogs").getLifecycleExpirationDays());
        assertEquals(List.of(LifecycleExpiration.builder().status("Enabled").days(90).prefix("other/").sizeFilter(true)
                .build()), buckets.get("audit/AccessLogs").getLifecycleExpirations());
        assertEquals("web/", buckets.get("audit/Web").getAccessLogTargetPrefix());
        Report r = report(null);
        assertEquals(Map.of("audit/AccessLogs", Status.FAIL, "audit/AuditLogs", Status.PASS), of(r, "S3-06"));
    }

    @Test
    void withoutAnAccountSnapshotTheDeclaredTrailIsJudgedAndTheAccountIsNot() {
        Report r = report(null);
        assertEquals(Map.of("audit/AppTrail", Status.PASS), of(r, "CLOUDTRAIL-02"));
        assertEquals(Map.of("audit/AppTrail", Status.FAIL), of(r, "CLOUDTRAIL-03"));
        assertEquals(Map.of("audit/AppTrail", Status.FAIL), of(r, "CLOUDTRAIL-07"));
        assertEquals(Map.of("audit/AuditLogs", Status.FAIL), of(r, "CLOUDTRAIL-06"), "no access logging");
        assertEquals(Map.of("audit/AuditLogs", Status.PASS), of(r, "S3-07"), "versioned");
        // The account's coverage, data events and security services: never PASS, never FAIL.
        for (String rule : List.of("CLOUDTRAIL-01", "CLOUDTRAIL-04", "CLOUDTRAIL-05", "SECURITY-01", "SECURITY-02",
                "SECURITY-03", "SECURITY-04", "SECURITY-05")) {
            assertTrue(!of(r, rule).isEmpty() && of(r, rule).values().stream().allMatch(s -> s == Status.ERROR),
                    rule + " " + of(r, rule));
        }
        Finding security = r.findings().stream().filter(f -> f.ruleId().equals("SECURITY-02")).findFirst().orElseThrow();
        assertTrue(r.text(security.observed()).startsWith("not in a template: GuardDuty is enabled per account"),
                r.text(security.observed()));
    }

    @Test
    void anAccountSnapshotAddsTheAccountsTrailsAndSecurityServices() throws Exception {
        LoadedSnapshot live = Sources.bundled("demo/genu-hardened.snapshot.json").load();
        Report r = report(live);
        Snapshot s = TemplateSource.snapshot(List.of(TEMPLATE), live, AS_OF);
        assertEquals(List.of("app-trail", "org-audit"), s.getFacts().getTrails().stream().map(Trail::getName).sorted().toList());
        assertEquals(live.snapshot().getFacts().getSecurityServices(), s.getFacts().getSecurityServices());
        // Both trails are judged; the regions are covered (by either multi-region trail).
        assertEquals(Status.PASS, of(r, "CLOUDTRAIL-02").get("audit/AppTrail"));
        assertTrue(of(r, "CLOUDTRAIL-02").size() == 2, of(r, "CLOUDTRAIL-02").toString());
        assertTrue(of(r, "CLOUDTRAIL-01").values().stream().allMatch(st -> st == Status.PASS), of(r, "CLOUDTRAIL-01").toString());
        // GuardDuty is judged on the account's facts, not "not in a template".
        assertTrue(of(r, "SECURITY-02").values().stream().noneMatch(st -> st == Status.ERROR), of(r, "SECURITY-02").toString());
    }
}
