package io.tenken.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tenken.facts.ApiMethod;
import io.tenken.facts.ApiStage;
import io.tenken.facts.LambdaFunction;
import io.tenken.facts.MetricAlarm;
import io.tenken.facts.MetricFilter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AppMonitoringTest {
    static LambdaFunction fn(String name) {
        return LambdaFunction.builder().name(name).arn("arn:aws:lambda:r:1:function:" + name).region("r")
                .logGroupName("/aws/lambda/" + name).build();
    }

    static MetricAlarm alarm(String ns, String metric, Map<String, String> dims, boolean enabled, List<String> actions) {
        return MetricAlarm.builder().name(ns + metric).region("r").actionsEnabled(enabled).alarmActions(actions)
                .metrics(List.of(MetricAlarm.Metric.builder().namespace(ns).metricName(metric).dimensions(dims).build())).build();
    }

    @Test
    void appFunctionsAreThoseBehindTheApiPlusNamedOnes() {
        var methods = List.of(ApiMethod.builder().httpMethod("POST").lambdaFunctionArn(fn("predict").getArn()).build(),
                ApiMethod.builder().httpMethod("OPTIONS").build());
        var app = AppMonitoring.appFunctions(List.of(fn("other"), fn("predict"), fn("agent-tool")), methods, List.of("AGENT-*"));
        assertEquals(List.of("agent-tool", "predict"), app.stream().map(LambdaFunction::getName).toList());
    }

    @Test
    void onlyNotifyingAlarmsOnTheRightMetricWatchAFunction() {
        var f = List.of(fn("predict"));
        String topic = "arn:aws:sns:r:1:ops";
        assertEquals(List.of(), AppMonitoring.unwatchedFunctions(f,
                List.of(alarm("AWS/Lambda", "Errors", Map.of("FunctionName", "predict"), true, List.of(topic))), List.of()));
        for (MetricAlarm a : List.of(alarm("AWS/Lambda", "Errors", Map.of("FunctionName", "predict"), false, List.of(topic)),
                alarm("AWS/Lambda", "Errors", Map.of("FunctionName", "predict"), true, List.of()),
                alarm("AWS/Lambda", "Throttles", Map.of("FunctionName", "predict"), true, List.of(topic)),
                alarm("AWS/Lambda", "Errors", Map.of("FunctionName", "other"), true, List.of(topic)))) {
            assertEquals(List.of("predict"), AppMonitoring.unwatchedFunctions(f, List.of(a), List.of()), a.toString());
        }
        var filter = MetricFilter.builder().logGroupName("/aws/lambda/predict").metricNamespace("App").metricName("Err").build();
        assertEquals(List.of(), AppMonitoring.unwatchedFunctions(f,
                List.of(alarm("App", "Err", Map.of(), true, List.of(topic))), List.of(filter)));
        var elsewhere = filter.toBuilder().logGroupName("/aws/lambda/other").build();
        assertEquals(List.of("predict"), AppMonitoring.unwatchedFunctions(f,
                List.of(alarm("App", "Err", Map.of(), true, List.of(topic))), List.of(elsewhere)));
    }

    @Test
    void stageAlarmMayOmitTheStageDimensionButNotNameAnother() {
        var s = List.of(ApiStage.builder().restApiId("id").apiName("genu").stageName("api").region("r").build());
        String topic = "t";
        assertEquals(List.of(), AppMonitoring.unwatchedStages(s,
                List.of(alarm("AWS/ApiGateway", "5XXError", Map.of("ApiName", "genu"), true, List.of(topic))), List.of()));
        assertEquals(List.of("genu/api"), AppMonitoring.unwatchedStages(s,
                List.of(alarm("AWS/ApiGateway", "5XXError", Map.of("ApiName", "genu", "Stage", "dev"), true, List.of(topic))),
                List.of()));
        var exec = MetricFilter.builder().logGroupName("API-Gateway-Execution-Logs_id/api").metricNamespace("A").metricName("M").build();
        assertEquals(List.of(), AppMonitoring.unwatchedStages(s, List.of(alarm("A", "M", Map.of(), true, List.of(topic))),
                List.of(exec)));
    }

    @Test
    void logGroupOfAnArnAndSample() {
        assertEquals("g/x", AppMonitoring.logGroupOf("arn:aws:logs:r:1:log-group:g/x:*"));
        assertNull(AppMonitoring.logGroupOf("arn:aws:firehose:r:1:deliverystream/x"));
        var names = IntStream.range(0, 25).mapToObj(i -> "f" + i).toList();
        assertEquals(String.join(", ", names.subList(0, 20)) + ", ... (+5)", AppMonitoring.sample(names));
    }

    @Test
    void runtimeDeprecatedOnOrBeforeTheCollectionDay() {
        var table = Map.of("nodejs18.x", "2025-09-01");
        assertEquals("2025-09-01", LambdaRuntimes.deprecatedOn("nodejs18.x", table, Instant.parse("2025-09-01T00:00:00Z")));
        assertNull(LambdaRuntimes.deprecatedOn("nodejs18.x", table, Instant.parse("2025-08-31T23:59:59Z")));
        assertNull(LambdaRuntimes.deprecatedOn("nodejs22.x", table, Instant.parse("2030-01-01T00:00:00Z")));
    }
}
