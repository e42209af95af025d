package io.tenken.collect;

import io.tenken.InvalidInputException;
import io.tenken.Names;
import java.util.ArrayList;
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
                throw new InvalidInputException("--region: '" + r + "' is not an AWS region" + Names.suggestion(r, known));
            }
            out.add(r);
        }
        return new ArrayList<>(out);
    }

    /** The partition (aws, aws-cn, aws-us-gov, ...) a known region belongs to. */
    public static String partition(String region) {
        return PartitionMetadata.of(Region.of(region)).id();
    }
}
