package io.tenken.facts;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** An EC2 VPC endpoint. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class VpcEndpoint implements Resource {
    String id;
    String vpcId;
    String region;
    String accountId;
    /** e.g. com.amazonaws.ap-northeast-1.bedrock-runtime */
    String serviceName;
    /** Interface, Gateway, GatewayLoadBalancer. */
    String type;
    String state;

    /** The identity a template gives the endpoint ({@code STACK/LOGICAL_ID}); null for a collected one. */
    String templateId;

    @Override
    public String getResourceId() {
        if (templateId != null) {
            return templateId;
        }
        return "arn:aws:ec2:" + region + ":" + accountId + ":vpc-endpoint/" + id;
    }
}
