package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/**
 * An IAM policy: managed (AWS or customer) by its ARN, or inline with a synthetic ARN
 * {@code <principal-arn>/inline-policy/<name>}. Only the default version is collected; its
 * statements are {@link PolicyStatement} facts joined on {@code policyArn}.
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class IamPolicy implements Fallible {
    String arn;
    String name;
    /** AWS_MANAGED, CUSTOMER_MANAGED or INLINE. */
    String kind;
    /** For INLINE policies: the one principal that embeds it. */
    String principalArn;
    String defaultVersionId;
    int attachmentCount;


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

    @Override
    @JsonIgnore // derived, not part of the snapshot
    public String getRegion() {
        return GLOBAL;
    }
}
