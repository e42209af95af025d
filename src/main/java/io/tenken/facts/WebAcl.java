package io.tenken.facts;

import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A WAFv2 web ACL. Its rules are separate {@link WafRule} facts joined on {@code webAclArn}. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class WebAcl implements Resource {
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

    @Override
    public String getResourceId() {
        return arn;
    }
}
