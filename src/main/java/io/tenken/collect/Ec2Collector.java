package io.tenken.collect;

import io.tenken.facts.VpcEndpoint;
import java.util.List;
import java.util.Map;

/** EC2 VPC endpoints (for the bedrock-runtime interface endpoint check). */
public final class Ec2Collector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("ec2")
            .lists("DescribeVpcEndpoints", "ec2:DescribeVpcEndpoints", VpcEndpoint.class);

    @Override
    public Calls calls() {
        return CALLS;
    }

    @Override
    public String service() {
        return "ec2";
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        Ec2Query ec2 = run.clients().ec2(region);
        List<Map<String, String>> eps = run.call(region, "DescribeVpcEndpoints", null, ec2::describeVpcEndpoints);
        if (eps == null) {
            return;
        }
        for (Map<String, String> e : eps) {
            String owner = e.get("ownerId");
            sink.vpcEndpoints.add(VpcEndpoint.builder().id(e.get("vpcEndpointId")).vpcId(e.get("vpcId")).region(region)
                    .accountId(owner != null && !owner.isEmpty() ? owner : run.accountId())
                    .serviceName(e.get("serviceName")).type(e.get("vpcEndpointType")).state(e.get("state")).build());
        }
    }
}
