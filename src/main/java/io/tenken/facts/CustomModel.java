package io.tenken.facts;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A Bedrock custom (fine-tuned) model. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class CustomModel implements Resource {
    String arn;
    String name;
    String region;
    String baseModelArn;
    /** Null when encrypted with an AWS owned key. */
    String kmsKeyArn;

    @Override
    public String getResourceId() {
        return arn;
    }
}
