package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** A Cognito identity pool (DescribeIdentityPool). */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class IdentityPool implements Fallible {
    String id;
    String name;
    String arn;
    String region;
    boolean allowUnauthenticatedIdentities;
    /** The basic (classic) auth flow, which skips the role mapping of the enhanced flow. */
    boolean allowClassicFlow;
    /** Provider names of the user pools the pool trusts (cognito-idp.REGION.amazonaws.com/POOL_ID). */
    List<String> cognitoProviders;

    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public boolean isAllowUnauthenticatedIdentities() {
        return Reads.of(this, "allowUnauthenticatedIdentities", allowUnauthenticatedIdentities);
    }

    public boolean isAllowClassicFlow() {
        return Reads.of(this, "allowClassicFlow", allowClassicFlow);
    }

    public List<String> getCognitoProviders() {
        return Reads.of(this, "cognitoProviders", cognitoProviders);
    }

    @Override
    public String getResourceId() {
        return arn;
    }
}
