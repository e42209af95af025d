package io.tenken.checks;

import io.tenken.facts.LogGroup;
import io.tenken.facts.Trail;
import io.tenken.findings.Message;
import io.tenken.policy.Policy;
import java.util.Collection;

/** Which log groups hold audit logs by what delivers to them, not by their names. */
public final class LogGroups {
    private LogGroups() {
    }

    /**
     * The name of a trail whose CloudWatchLogsLogGroupArn
     * ({@code arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*}, or a template's reference to the
     * group) is this group, or null.
     */
    public static String trailDelivering(LogGroup g, Collection<?> trails) {
        for (Object o : trails) {
            Trail t = (Trail) o;
            if (isGroup(t.getCloudWatchLogsLogGroupArn(), g)) {
                return t.getName();
            }
        }
        return null;
    }

    static boolean isGroup(String arn, LogGroup g) {
        return isGroup(arn, g.getRegion(), g.getName(), g.getResourceId());
    }

    /** Whether a trail's CloudWatchLogsLogGroupArn names the group of this region, name and identity. */
    public static boolean isGroup(String arn, String region, String name, String resourceId) {
        if (arn == null) {
            return false;
        }
        if (arn.equals(resourceId)) {
            return true; // a template names the group by its identity in the run (STACK/LOGICAL_ID)
        }
        String[] parts = arn.split(":", 7); // arn, partition, logs, region, account, log-group, NAME[:*]
        return parts.length == 7 && name != null && name.equals(nameOf(arn)) && parts[3].equals(region);
    }

    /** The group name in a log group ARN (without the trailing {@code :*}), or null when it is not one. */
    public static String nameOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 7);
        if (parts.length < 7 || !"logs".equals(parts[2]) || !"log-group".equals(parts[5])) {
            return null;
        }
        return parts[6].endsWith(":*") ? parts[6].substring(0, parts[6].length() - 2) : parts[6];
    }

    /**
     * LOGS-01 for a group with a retention period: an audit log (named so by the policy, or one
     * that Bedrock invocation logging or a trail delivers to) keeps its logs at least the policy's
     * days; {@code trails} are the trails of the group's region, to name the one delivering.
     */
    public static CheckResult retention(Policy policy, LogGroup g, boolean deliveredTo, Collection<?> trails) {
        String trail = trailDelivering(g, trails);
        boolean audit = deliveredTo || trail != null || Globs.matchesAny(policy.getLogRetentionAppliesTo(), g.getName());
        int days = g.getRetentionDays();
        Message expected = trail != null ? Message.of("LOGS-01.expected.trail", policy.getLogRetentionMinDays(), trail)
                : audit ? Message.of("LOGS-01.expected.audit", policy.getLogRetentionMinDays())
                : Message.of("LOGS-01.expected");
        return new CheckResult(!audit || days >= policy.getLogRetentionMinDays(), Message.of("LOGS-01.days", days),
                expected);
    }
}
