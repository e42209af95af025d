package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** An EC2 VPC endpoint. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class VpcEndpoint implements Fallible {
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
        if (templateId != null) {
            return templateId;
        }
        return "arn:aws:ec2:" + region + ":" + accountId + ":vpc-endpoint/" + id;
    }
}
