package io.tenken.checks;

import io.tenken.findings.Message;
import io.tenken.facts.Trail;
import java.util.Collection;

/** Evidence strings for findings that summarise several facts. */
public final class Describe {
    private Describe() {
    }

    public static Message trails(Collection<?> trails) {
        if (trails.isEmpty()) {
            return Message.of("CLOUDTRAIL-01.no-trail");
        }
        return Message.list(trails.stream().map(Trail.class::cast)
                .sorted(java.util.Comparator.comparing(Trail::getName))
                .map(Describe::trail).toList());
    }

    public static Message trail(Trail t) {
        return Message.of("CLOUDTRAIL-01.trail", t.getName(), t.getHomeRegion(), t.isMultiRegion(), t.isLogging(),
                t.isManagementEvents(), t.getReadWriteType());
    }

    /** True when a trail's data event resource types include a Bedrock type (AWS::Bedrock::*). */
    public static boolean recordsBedrock(java.util.List<String> dataEventResourceTypes) {
        return dataEventResourceTypes != null
                && dataEventResourceTypes.stream().anyMatch(t -> t != null && t.startsWith("AWS::Bedrock::"));
    }

    private static final java.util.regex.Pattern LOG_WORD =
            java.util.regex.Pattern.compile("(^|[-_.])(access-?)?logs?([-_.]|$)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A bucket named as a log bucket: "log"/"logs" as a word (cloudfront-logs, logs.example), not "catalog". */
    public static boolean namedAsLogBucket(String name) {
        return name != null && LOG_WORD.matcher(name).find();
    }
}
