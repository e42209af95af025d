package io.tenken.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot's many-of-a-kind facts by their identity, for rules that join a few facts to one
 * of many: {@code $t : Trail()  $b : Bucket( name == $t.s3BucketName ) from lookup.buckets($t.s3BucketName)}.
 * Written as a plain join, every bucket of the account would sit in the join's memory (a million
 * facts then no longer fit in 2 GB); through the lookup only the few that match are touched.
 *
 * <p>The rule base sees it as the global {@code lookup}. A pattern over it must restate the key
 * as a constraint ({@code name == $t.s3BucketName}): the engine analyses such a pattern exactly as
 * the same pattern without {@code from} (the fields it reads, the completeness of the kind's
 * listing), and the lookup returns every fact the constraint can match. A fact whose key field is
 * unknown is under no key; the pattern's restated constraint makes every rule that uses the key
 * rely on that field of every fact of the kind, so the unknown still turns its verdicts ERROR.
 */
public final class Lookup {
    // Values are a fact, or a List of the facts sharing a key: a million keys, most with one fact.
    private final Map<String, Object> bucketsByName = new HashMap<>();
    private final Map<String, Object> bucketsByLogTarget = new HashMap<>();
    private final Map<String, Map<String, Object>> logGroupsByRegion = new HashMap<>();
    /** Groups whose identity is not an ARN (a template's); an ARN is found by region and name. */
    private final Map<String, Object> logGroupsByIdentity = new HashMap<>();

    public Lookup(Collection<?> facts) {
        for (Object f : facts) {
            if (f instanceof Bucket b) {
                put(bucketsByName, b.getName(), b);
                put(bucketsByLogTarget, b.getAccessLogTargetBucket(), b);
            } else if (f instanceof LogGroup g) {
                put(logGroupsByRegion.computeIfAbsent(g.getRegion() == null ? "" : g.getRegion(), k -> new HashMap<>()),
                        g.getName(), g);
                if (io.tenken.checks.LogGroups.nameOf(g.getArn()) == null) {
                    put(logGroupsByIdentity, g.getArn(), g); // a template's STACK/LOGICAL_ID
                }
            }
        }
    }

    /** The buckets named {@code name} (one, or none: another account's or a deleted bucket). */
    public List<Bucket> buckets(String name) {
        return get(bucketsByName, name);
    }

    /** The buckets whose server access logs go to the bucket named {@code name}. */
    public List<Bucket> bucketsLoggingTo(String name) {
        return get(bucketsByLogTarget, name);
    }

    /** The log groups named {@code name} in {@code region}. */
    public List<LogGroup> logGroups(String region, String name) {
        return get(logGroupsByRegion.getOrDefault(region == null ? "" : region, Map.of()), name);
    }

    /**
     * The log group a trail's {@code CloudWatchLogsLogGroupArn} names, in the trail's home region
     * (CloudTrail delivers only to a group of its home region).
     */
    public List<LogGroup> logGroupsOfTrail(Trail t) {
        String arn = t.getCloudWatchLogsLogGroupArn();
        if (arn == null) {
            return List.of();
        }
        // A template names the group by its identity in the run (STACK/LOGICAL_ID), a scan by ARN.
        List<LogGroup> out = new ArrayList<>(get(logGroupsByIdentity, arn));
        for (LogGroup g : logGroups(t.getRegion(), io.tenken.checks.LogGroups.nameOf(arn))) {
            if (!out.contains(g) && io.tenken.checks.LogGroups.isGroup(arn, g.getRegion(), g.getName(), g.getArn())) {
                out.add(g);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> index, String key, Object fact) {
        if (key == null) {
            return;
        }
        Object had = index.putIfAbsent(key, fact);
        if (had instanceof List<?> list) {
            ((List<Object>) list).add(fact);
        } else if (had != null) {
            List<Object> both = new ArrayList<>(2);
            both.add(had);
            both.add(fact);
            index.put(key, both);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> get(Map<String, Object> index, String key) {
        Object v = key == null ? null : index.get(key);
        return v == null ? List.of() : v instanceof List<?> l ? (List<T>) l : List.of((T) v);
    }
}
