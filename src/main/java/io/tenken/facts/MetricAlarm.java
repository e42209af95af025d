package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * A CloudWatch metric alarm (DescribeAlarms). Metric-math alarms list every metric their
 * expression reads in {@link #metrics}; a single-metric alarm has exactly one entry.
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class MetricAlarm implements Resource {
    String name;
    String arn;
    String region;
    boolean actionsEnabled;
    /** ARNs the alarm notifies on ALARM (SNS topics, ...). */
    List<String> alarmActions;
    List<Metric> metrics;

    /** One metric an alarm reads. */
    @Value
    @Builder(toBuilder = true)
    @Jacksonized
    public static class Metric {
        String namespace;
        String metricName;
        Map<String, String> dimensions;
    }

    @Override
    public String getResourceId() {
        return arn;
    }

    /** Actions enabled and at least one action on ALARM: somebody is told. */
    @JsonIgnore // derived, not part of the snapshot
    public boolean isNotifying() {
        return actionsEnabled && alarmActions != null && !alarmActions.isEmpty();
    }
}
