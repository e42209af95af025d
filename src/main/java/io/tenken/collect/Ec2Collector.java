package io.tenken.collect;

import io.tenken.facts.VpcEndpoint;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** EC2 VPC endpoints (for the bedrock-runtime interface endpoint check). */
public final class Ec2Collector implements Collector {
    @Override
    public String service() {
        return "ec2";
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        Ec2Client c = run.clients().ec2(region);
        List<software.amazon.awssdk.services.ec2.model.VpcEndpoint> eps = run.call(region, "DescribeVpcEndpoints", null,
                () -> c.describeVpcEndpointsPaginator(r -> r.maxResults(1000)).vpcEndpoints().stream().toList());
        if (eps == null) {
            return;
        }
        for (var e : eps) {
            sink.vpcEndpoints.add(VpcEndpoint.builder().id(e.vpcEndpointId()).vpcId(e.vpcId()).region(region)
                    .accountId(e.ownerId() != null ? e.ownerId() : run.accountId()).serviceName(e.serviceName())
                    .type(e.vpcEndpointTypeAsString()).state(e.stateAsString()).build());
        }
    }
}
