package io.tenken.collect;

import io.tenken.facts.MetricAlarm;
import io.tenken.facts.MetricFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;

/**
 * CloudWatch metric alarms (DescribeAlarms) and the CloudWatch Logs metric filters that turn
 * log groups into metrics (DescribeMetricFilters): together, what watches the app's errors.
 */
public final class CloudWatchCollector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("cloudwatch")
            .lists("DescribeAlarms", "cloudwatch:DescribeAlarms", MetricAlarm.class)
            .lists("logs:DescribeMetricFilters", "logs:DescribeMetricFilters", MetricFilter.class);

    @Override
    public Calls calls() {
        return CALLS;
    }

    @Override
    public String service() {
        return "cloudwatch";
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        CloudWatchClient c = run.clients().cloudwatch(region);
        var alarms = run.call(region, "DescribeAlarms", null,
                () -> c.describeAlarmsPaginator(r -> r.maxRecords(100)).metricAlarms().stream().toList());
        if (alarms != null) {
            for (var a : alarms) {
                sink.metricAlarms.add(MetricAlarm.builder().name(a.alarmName()).arn(a.alarmArn()).region(region)
                        .actionsEnabled(Boolean.TRUE.equals(a.actionsEnabled()))
                        .alarmActions(a.alarmActions().stream().sorted().toList())
                        .metrics(metrics(a)).build());
            }
        }
        var logs = run.clients().metricFilterLogs(region);
        var filters = run.call(region, "logs:DescribeMetricFilters", null,
                () -> logs.describeMetricFiltersPaginator(r -> r.limit(50)).metricFilters().stream().toList());
        if (filters != null) {
            for (var f : filters) {
                for (var t : f.metricTransformations()) {
                    sink.metricFilters.add(MetricFilter.builder().name(f.filterName()).logGroupName(f.logGroupName())
                            .region(region).filterPattern(f.filterPattern())
                            .metricNamespace(t.metricNamespace()).metricName(t.metricName()).build());
                }
            }
        }
    }

    /** The metrics an alarm reads: its own metric, or every metric of its metric-math expression. */
    static List<MetricAlarm.Metric> metrics(software.amazon.awssdk.services.cloudwatch.model.MetricAlarm a) {
        List<MetricAlarm.Metric> out = new ArrayList<>();
        if (a.metricName() != null) {
            out.add(metric(a.namespace(), a.metricName(), a.dimensions()));
        }
        for (var q : a.metrics()) {
            if (q.metricStat() != null && q.metricStat().metric() != null) {
                Metric m = q.metricStat().metric();
                out.add(metric(m.namespace(), m.metricName(), m.dimensions()));
            }
        }
        return out;
    }

    private static MetricAlarm.Metric metric(String namespace, String name, List<Dimension> dimensions) {
        Map<String, String> dims = new TreeMap<>();
        dimensions.forEach(d -> dims.put(d.name(), d.value()));
        return MetricAlarm.Metric.builder().namespace(namespace).metricName(name).dimensions(dims).build();
    }
}
