package io.tenken.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.facts.MetricAlarm;
import io.tenken.facts.MetricFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code AWS::CloudWatch::Alarm} and {@code AWS::Logs::MetricFilter} as {@code DescribeAlarms} and
 * {@code DescribeMetricFilters} show them once deployed, so MONITORING-01/02 judge the alarms a
 * deployment defines. A dimension written as {@code Ref} to a function or API of the assembly
 * resolves to that resource's identity in the run, which is what its fact is matched by: an alarm
 * on {@code !Ref ChatFunction} watches that function although its deployed name is not known yet.
 * A dimension or metric that cannot be resolved is recorded against the alarm (the region's alarm
 * listing is then not complete), never read as "watches nothing".
 */
final class MonitoringMapping {
    private MonitoringMapping() {
    }

    static void alarm(Res r, FactMapper mapper) {
        String name = r.text("AlarmName");
        List<MetricAlarm.Metric> metrics = new ArrayList<>();
        if (r.has("MetricName")) {
            metrics.add(metric(r.text("Namespace"), r.text("MetricName"), r.prop("Dimensions")));
        }
        JsonNode queries = r.prop("Metrics");
        if (queries != null) {
            for (JsonNode q : queries) {
                JsonNode m = q.path("MetricStat").path("Metric");
                if (!m.isMissingNode()) {
                    metrics.add(metric(text(m.get("Namespace")), text(m.get("MetricName")), m.get("Dimensions")));
                }
            }
        }
        mapper.sink.metricAlarms.add(MetricAlarm.builder().name(name != null ? name : FactMapper.refText(r)).arn(r.id())
                .region(r.region()).actionsEnabled(r.bool("ActionsEnabled", true, FactMapper.SVC_DEFAULT))
                .alarmActions(actions(r)).metrics(metrics).build());
        mapper.locate(r.id(), r);
    }

    static void metricFilter(Res r, FactMapper mapper) {
        String name = r.text("FilterName");
        String logGroup = r.text("LogGroupName");
        JsonNode transformations = r.prop("MetricTransformations");
        JsonNode t = transformations != null && transformations.isArray() && transformations.size() > 0
                ? transformations.get(0) : null;
        mapper.sink.metricFilters.add(MetricFilter.builder().name(name != null ? name : r.id())
                .logGroupName(logGroup).region(r.region()).filterPattern(r.text("FilterPattern"))
                .metricNamespace(t == null ? null : text(t.get("MetricNamespace")))
                .metricName(t == null ? null : text(t.get("MetricName"))).build());
        mapper.locate("metric-filter:" + r.region() + ":" + logGroup + ":" + (name != null ? name : r.id()), r);
    }

    /**
     * The alarm's actions as written: whether somebody is told depends on there being one, so an
     * action known only at deployment (a topic imported through SSM) still counts, shown as its expression.
     */
    private static List<String> actions(Res r) {
        List<String> out = new ArrayList<>();
        JsonNode raw = r.node.path("Properties").path("AlarmActions");
        if (raw.isArray()) {
            raw.forEach(a -> {
                JsonNode v = r.resolver.resolve(a);
                if (v != Resolver.NO_VALUE) {
                    out.add(v.isTextual() ? v.asText() : FactMapper.printable(v));
                }
            });
        }
        return out;
    }

    private static MetricAlarm.Metric metric(String namespace, String name, JsonNode dimensions) {
        Map<String, String> dims = new TreeMap<>();
        if (dimensions != null) {
            dimensions.forEach(d -> dims.put(d.path("Name").asText(), text(d.get("Value"))));
        }
        return MetricAlarm.Metric.builder().namespace(namespace).metricName(name).dimensions(dims).build();
    }

    private static String text(JsonNode n) {
        return n == null || Unresolved.is(n) || !n.isValueNode() ? null : n.asText();
    }
}
