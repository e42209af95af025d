package io.tenken.checks;

import io.tenken.facts.LogGroup;
import io.tenken.facts.Trail;
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
        if (arn == null) {
            return false;
        }
        if (arn.equals(g.getResourceId())) {
            return true; // a template names the group by its identity in the run (STACK/LOGICAL_ID)
        }
        String[] parts = arn.split(":", 7); // arn, partition, logs, region, account, log-group, NAME[:*]
        if (parts.length < 7 || !"logs".equals(parts[2]) || !"log-group".equals(parts[5])) {
            return false;
        }
        String name = parts[6].endsWith(":*") ? parts[6].substring(0, parts[6].length() - 2) : parts[6];
        return name.equals(g.getName()) && parts[3].equals(g.getRegion());
    }
}
