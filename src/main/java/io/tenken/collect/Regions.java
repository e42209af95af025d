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
                throw InvalidInputException.of("error.regionEmpty");
            }
            if (!known.contains(r)) {
                throw InvalidInputException.of("error.region", r, Names.didYouMean(r, known));
            }
            out.add(r);
        }
        return new ArrayList<>(out);
    }

    /** The partition (aws, aws-cn, aws-us-gov, ...) a known region belongs to. */
    public static String partition(String region) {
        return PartitionMetadata.of(Region.of(region)).id();
    }

    /**
     * The region global services of {@code region}'s partition answer in: IAM, STS, Organizations
     * and CloudFront have one endpoint per partition (us-east-1, cn-north-1, us-gov-west-1).
     */
    public static String globalRegion(String region) {
        return switch (partition(region)) {
            case "aws" -> "us-east-1";
            case "aws-cn" -> "cn-north-1";
            case "aws-us-gov" -> "us-gov-west-1";
            default -> region;
        };
    }

    /**
     * The one partition of the regions to scan (role ARNs are built in it); exit 2 when they span
     * partitions (one set of credentials never works in two).
     */
    public static String partitionOf(List<String> regions) {
        TreeSet<String> partitions = new TreeSet<>();
        regions.forEach(r -> partitions.add(partition(r)));
        if (partitions.size() > 1) {
            throw InvalidInputException.of("error.partitions", partitions.toString());
        }
        return partitions.isEmpty() ? null : partitions.first();
    }

    /** The partition field of an ARN (arn:PARTITION:...). */
    public static String partitionOfArn(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 3);
        if (parts.length < 3 || !"arn".equals(parts[0]) || parts[1].isEmpty()) {
            throw new IllegalArgumentException("not an ARN: " + arn);
        }
        return parts[1];
    }
}
