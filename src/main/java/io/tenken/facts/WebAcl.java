package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** A WAFv2 web ACL. Its rules are separate {@link WafRule} facts joined on {@code webAclArn}. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class WebAcl implements Fallible {
    String arn;
    String id;
    String name;
    /** CLOUDFRONT (always collected through us-east-1) or REGIONAL. */
    String scope;
    String region;
    /** ALLOW or BLOCK. */
    String defaultAction;
    boolean loggingEnabled;
    /** ARNs of the CloudFront distributions, API stages and user pools this ACL protects. */
    List<String> associatedResourceArns;


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public boolean isLoggingEnabled() {
        return Reads.of(this, "loggingEnabled", loggingEnabled);
    }

    public List<String> getAssociatedResourceArns() {
        return Reads.of(this, "associatedResourceArns", associatedResourceArns);
    }

    public String getDefaultAction() {
        return Reads.of(this, "defaultAction", defaultAction);
    }

    @Override
    public String getResourceId() {
        return arn;
    }
}
