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

    @Override
    public String getResourceId() {
        return "arn:aws:ec2:" + region + ":" + accountId + ":vpc-endpoint/" + id;
    }
}
