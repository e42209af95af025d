package io.tenken.facts;

import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A Cognito identity pool (DescribeIdentityPool). */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class IdentityPool implements Resource {
    String id;
    String name;
    String arn;
    String region;
    boolean allowUnauthenticatedIdentities;
    /** The basic (classic) auth flow, which skips the role mapping of the enhanced flow. */
    boolean allowClassicFlow;
    /** Provider names of the user pools the pool trusts (cognito-idp.REGION.amazonaws.com/POOL_ID). */
    List<String> cognitoProviders;

    @Override
    public String getResourceId() {
        return arn;
    }
}
