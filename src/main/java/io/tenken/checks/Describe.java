package io.tenken.checks;

import io.tenken.facts.Trail;
import java.util.Collection;
import java.util.stream.Collectors;

/** Evidence strings for findings that summarise several facts. */
public final class Describe {
    private Describe() {
    }

    public static String trails(Collection<?> trails) {
        if (trails.isEmpty()) {
            return "no trail";
        }
        return trails.stream().map(Trail.class::cast)
                .sorted(java.util.Comparator.comparing(Trail::getName))
                .map(Describe::trail).collect(Collectors.joining("; "));
    }

    public static String trail(Trail t) {
        return "trail '" + t.getName() + "' (" + t.getHomeRegion() + "): multiRegion=" + t.isMultiRegion()
                + ", logging=" + t.isLogging() + ", managementEvents=" + t.isManagementEvents()
                + ", readWriteType=" + t.getReadWriteType();
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
