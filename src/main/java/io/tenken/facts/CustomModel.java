package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** A Bedrock custom (fine-tuned) model. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class CustomModel implements Fallible {
    String arn;
    String name;
    String region;
    String baseModelArn;
    /** Null when encrypted with an AWS owned key. */
    String kmsKeyArn;


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    @Override
    public String getResourceId() {
        return arn;
    }
}
