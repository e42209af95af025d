package io.tenken.collect;

import io.tenken.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/** Region names checked against the SDK's partition metadata, before any call is made. */
public final class Regions {
    private Regions() {
    }

    /** Every region the SDK knows, global pseudo-regions (aws-global, ...) left out. */
    public static List<String> known() {
        return Region.regions().stream().filter(r -> !r.isGlobalRegion()).map(Region::id).sorted().toList();
    }

    /** The names, deduplicated and sorted; exit 2 naming the first unknown one (with the nearest). */
    public static List<String> validate(List<String> names) {
        List<String> known = known();
        TreeSet<String> out = new TreeSet<>();
        for (String raw : names) {
            String r = raw.trim();
            if (r.isEmpty()) {
                throw new InvalidInputException("--region: empty region name");
            }
            if (!known.contains(r)) {
                String near = nearest(r, known);
                throw new InvalidInputException("--region: '" + r + "' is not an AWS region"
                        + (near != null ? "; did you mean " + near + "?" : ""));
            }
            out.add(r);
        }
        return new ArrayList<>(out);
    }

    /** The partition (aws, aws-cn, aws-us-gov, ...) a known region belongs to. */
    public static String partition(String region) {
        return PartitionMetadata.of(Region.of(region)).id();
    }

    static String nearest(String name, List<String> candidates) {
        String best = candidates.stream().min(Comparator.comparingInt(c -> distance(name, c))).orElse(null);
        return best != null && distance(name, best) <= Math.max(2, name.length() / 4) ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
