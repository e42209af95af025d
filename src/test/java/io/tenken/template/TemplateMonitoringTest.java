package io.tenken.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.MetricAlarm;
import io.tenken.facts.MetricFilter;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.Status;
import io.tenken.pipeline.Analysis;
import io.tenken.pipeline.AnalysisConfig;
import io.tenken.snapshot.Facts;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.ServiceStatus;
import io.tenken.snapshot.Snapshot;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MONITORING-01/02 on templates: the alarms and metric filters a template defines are facts, a
 * dimension that is a {@code Ref} to a function of the assembly watches that function, and an
 * account snapshot adds the account's alarms. What only a deployed name or id could decide is
 * ERROR saying so; what no alarm of any name could change is decided.
 */
class TemplateMonitoringTest {
    static final Path DIR = Path.of("src/test/resources/template/monitoring");
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);
    static final String REGION = "ap-northeast-1";

    static Report report(Path template, LoadedSnapshot account) {
        Snapshot s = TemplateSource.snapshot(List.of(template), account, AS_OF);
        return Analysis.prepare(AnalysisConfig.defaults()).report(new LoadedSnapshot(s, "0".repeat(64)));
    }

    static Finding only(Report r, String rule) {
        List<Finding> f = r.findings().stream().filter(x -> x.ruleId().equals(rule)).toList();
        assertEquals(1, f.size(), f.toString());
        return f.get(0);
    }

    /** An account snapshot of account 123456789012 whose only facts are these alarms and filters. */
    static LoadedSnapshot account(List<MetricAlarm> alarms, List<MetricFilter> filters) {
        Snapshot s = Snapshot.builder().schemaVersion(Snapshot.CURRENT_SCHEMA_VERSION).accountId("123456789012")
                .partition("aws").regions(List.of(REGION)).collectedAt("2026-11-30T00:00:00Z").toolVersion("test")
                .services(Map.of("cloudwatch", ServiceStatus.builder().status("COMPLETE").regions(List.of(REGION)).build()))
                .errors(List.of()).facts(Facts.builder().metricAlarms(alarms).metricFilters(filters).build()).build();
        return new LoadedSnapshot(s, "1".repeat(64));
    }

    static MetricAlarm alarm(String name, String namespace, String metric, Map<String, String> dimensions) {
        return MetricAlarm.builder().name(name).arn("arn:aws:cloudwatch:" + REGION + ":123456789012:alarm:" + name)
                .region(REGION).actionsEnabled(true).alarmActions(List.of("arn:aws:sns:" + REGION + ":123456789012:ops"))
                .metrics(List.of(MetricAlarm.Metric.builder().namespace(namespace).metricName(metric)
                        .dimensions(dimensions).build())).build();
    }

    @Test
    void theTemplatesAlarmsAreFactsThatNameTheFunctionByReference() {
        Snapshot s = TemplateSource.snapshot(List.of(DIR.resolve("watched.yaml")), null, AS_OF);
        Map<String, MetricAlarm> alarms = new java.util.TreeMap<>();
        s.getFacts().getMetricAlarms().forEach(a -> alarms.put(a.getArn(), a));
        MetricAlarm chat = alarms.get("watched/ChatErrors");
        assertEquals(Map.of("FunctionName", "watched/ChatFunction"), chat.getMetrics().get(0).getDimensions());
        assertEquals(List.of("watched/Alerts"), chat.getAlarmActions());
        assertTrue(chat.isNotifying(), "ActionsEnabled absent = true");
        MetricAlarm api = alarms.get("watched/Api5xx");
        assertEquals("5XXError", api.getMetrics().get(0).getMetricName(), "a metric-math alarm lists its metrics");
        assertTrue(s.getSource().getResources().stream().anyMatch(r -> r.getResourceId().equals("watched/ChatErrors")
                && r.getDefaults().contains("ActionsEnabled absent = true (service default)")));
    }

    @Test
    void aTemplateThatWatchesEverythingPassesWithoutTheAccount() {
        Report r = report(DIR.resolve("watched.yaml"), null);
        assertEquals(Status.PASS, only(r, "MONITORING-01").status(), r.text(only(r, "MONITORING-01").observed()));
        assertEquals(Status.PASS, only(r, "MONITORING-02").status(), r.text(only(r, "MONITORING-02").observed()));
    }

    @Test
    void whatTheTemplatesLeaveUnwatchedNeedsTheAccount() {
        Report r = report(DIR.resolve("assembly"), null);
        for (String rule : List.of("MONITORING-01", "MONITORING-02")) {
            Finding f = only(r, rule);
            assertEquals(Status.ERROR, f.status(), r.text(f.observed()));
            assertTrue(r.text(f.observed()).startsWith("not in a template:"), r.text(f.observed()));
        }
    }

    @Test
    void anAccountWithoutAlarmsThatCouldNameThemDecidesTheFail() {
        Report r = report(DIR.resolve("assembly"), account(List.of(), List.of()));
        Finding functions = only(r, "MONITORING-02");
        assertEquals(Status.FAIL, functions.status(), r.text(functions.observed()));
        String why = r.text(functions.observed());
        assertTrue(why.contains("AppStack/ExportFunction") && !why.contains("AppStack/ChatFunction"), why);
        Finding stages = only(r, "MONITORING-01");
        assertEquals(Status.FAIL, stages.status(), r.text(stages.observed()));
        assertTrue(r.text(stages.observed()).contains("admin-api/admin"), r.text(stages.observed()));
    }

    @Test
    void anAccountAlarmOnADeployedNameIsErrorSayingWhy() {
        Report r = report(DIR.resolve("assembly"), account(List.of(
                alarm("genu-errors", "AWS/Lambda", "Errors", Map.of("FunctionName", "AppStack-ExportFunction-1A2B3C"))),
                List.of()));
        Finding f = only(r, "MONITORING-02");
        assertEquals(Status.ERROR, f.status(), r.text(f.observed()));
        String why = r.text(f.observed());
        assertTrue(why.contains("AppStack/ExportFunction") && why.contains("name unknown"), why);
        assertTrue(why.contains("no FunctionName"), why);
        assertTrue(why.contains("AppStack.template.json:"), why);
    }

    @Test
    void anAccountMetricFilterOnADeployedApiIdIsErrorSayingWhy() {
        Report r = report(DIR.resolve("assembly"), account(
                List.of(alarm("admin-5xx", "App", "AdminErrors", Map.of())),
                List.of(MetricFilter.builder().name("admin-errors").region(REGION)
                        .logGroupName("API-Gateway-Execution-Logs_a1b2c3d4e5/admin").filterPattern("ERROR")
                        .metricNamespace("App").metricName("AdminErrors").build())));
        Finding f = only(r, "MONITORING-01");
        assertEquals(Status.ERROR, f.status(), r.text(f.observed()));
        String why = r.text(f.observed());
        assertTrue(why.contains("the id API Gateway gives REST API AppStack/Admin at deployment"), why);
        assertTrue(why.contains("API-Gateway-Execution-Logs_a1b2c3d4e5/admin"), why);
    }
}
