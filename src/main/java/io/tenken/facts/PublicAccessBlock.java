package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** The four S3 block-public-access switches (account or bucket level). */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class PublicAccessBlock {
    boolean blockPublicAcls;
    boolean ignorePublicAcls;
    boolean blockPublicPolicy;
    boolean restrictPublicBuckets;

    @JsonIgnore // derived, not part of the snapshot
    public boolean isAllOn() {
        return blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets;
    }
}
