package io.tenken.facts;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * One lifecycle rule of a bucket that expires current objects a number of days after creation
 * (GetBucketLifecycleConfiguration {@code Expiration.Days}), with the filter that limits it:
 * which objects it expires decides whether a log bucket's logs expire.
 */
@Value
@Builder
@Jacksonized
public class LifecycleExpiration {
    /** Enabled or Disabled. */
    String status;
    int days;
    /** The key prefix the rule is limited to (Filter.Prefix, And.Prefix or the legacy Prefix); "" for every key. */
    String prefix;
    /** Limited to objects with given tags (Filter.Tag or And.Tags): log objects carry none. */
    boolean tagFilter;
    /** Limited to objects of a size range (ObjectSizeGreaterThan / LessThan): only some of them expire. */
    boolean sizeFilter;
}
