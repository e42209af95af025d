package io.tenken.facts;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A CloudWatch Logs metric filter (DescribeMetricFilters): a log group turned into a metric. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class MetricFilter implements Resource {
    String name;
    String logGroupName;
    String region;
    String filterPattern;
    String metricNamespace;
    String metricName;

    @Override
    public String getResourceId() {
        return "metric-filter:" + region + ":" + logGroupName + ":" + name;
    }
}
