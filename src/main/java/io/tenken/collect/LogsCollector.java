package io.tenken.collect;

import io.tenken.facts.LogGroup;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** CloudWatch Logs log groups: one paginated DescribeLogGroups per region. */
public final class LogsCollector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("logs")
            .lists("DescribeLogGroups", "logs:DescribeLogGroups", LogGroup.class);

    @Override
    public Calls calls() {
        return CALLS;
    }

    @Override
    public String service() {
        return "logs";
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        CloudWatchLogsClient c = run.clients().logs(region);
        List<software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup> groups = run.call(region,
                "DescribeLogGroups", null, () -> c.describeLogGroupsPaginator(r -> r.limit(50)).logGroups().stream().toList());
        if (groups == null) {
            return;
        }
        for (var g : groups) {
            String arn = g.logGroupArn();
            if (arn == null && g.arn() != null) {
                arn = g.arn().endsWith(":*") ? g.arn().substring(0, g.arn().length() - 2) : g.arn();
            }
            if (arn == null) {
                arn = run.arn("logs", region, "log-group:" + g.logGroupName());
            }
            sink.logGroups.add(LogGroup.builder().name(g.logGroupName()).arn(arn).region(region)
                    .retentionDays(g.retentionInDays()).kmsKeyId(g.kmsKeyId())
                    .storedBytes(g.storedBytes() == null ? 0 : g.storedBytes()).build());
        }
    }

}
