package io.tenken.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The scanner's own EC2 Query calls against moto (signed, parsed as the generated client would)
 * and against WireMock for what moto does not do on demand: a throttled first attempt and a
 * denied call, with the error body the EC2 API reference documents.
 */
@ExtendWith(MotoServerExtension.class)
class Ec2QueryTest {
    @Test
    void readsRegionsAndVpcEndpointsFromMoto() {
        Ec2Client seed = Moto.client(Ec2Client.builder(), "eu-west-1");
        String vpc = seed.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String id = seed.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType("Interface")
                .serviceName("com.amazonaws.eu-west-1.bedrock-runtime")
                .tagSpecifications(t -> t.resourceType("vpc-endpoint").tags(g -> g.key("Name").value("<b>x</b>"))))
                .vpcEndpoint().vpcEndpointId();
        try (AwsClients clients = new AwsClients(Moto.options("eu-west-1").build())) {
            List<String> regions = clients.ec2("eu-west-1").describeRegions();
            assertTrue(regions.contains("eu-west-1") && regions.contains("ap-northeast-1"), regions::toString);
            List<Map<String, String>> eps = clients.ec2("eu-west-1").describeVpcEndpoints();
            Map<String, String> ep = eps.stream().filter(e -> id.equals(e.get("vpcEndpointId"))).findFirst().orElseThrow();
            assertEquals(vpc, ep.get("vpcId"));
            assertEquals("Interface", ep.get("vpcEndpointType"));
            assertEquals("com.amazonaws.eu-west-1.bedrock-runtime", ep.get("serviceName"));
            // Nested lists (tags, subnets, DNS entries) are not flattened into the endpoint's fields.
            assertFalse(ep.containsKey("key") || ep.containsKey("value"), ep::toString);
            assertEquals(2, clients.calls("ec2"));
        }
    }

    @Test
    void retriesThrottlingAndReportsTheDocumentedErrorCode() {
        WireMockServer ec2 = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        ec2.start();
        try {
            ec2.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeVpcEndpoints"))
                    .inScenario("t").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("again")
                    .willReturn(aResponse().withStatus(503).withBody(error("RequestLimitExceeded", "Request limit exceeded."))));
            ec2.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeVpcEndpoints"))
                    .inScenario("t").whenScenarioStateIs("again")
                    .willReturn(aResponse().withStatus(200).withBody("""
                            <DescribeVpcEndpointsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                              <requestId>r1</requestId>
                              <vpcEndpointSet><item><vpcEndpointId>vpce-1</vpcEndpointId><vpcEndpointType>Gateway</vpcEndpointType>
                                <vpcId>vpc-1</vpcId><serviceName>com.amazonaws.us-east-1.s3</serviceName><state>available</state>
                                <routeTableIdSet><item>rtb-1</item></routeTableIdSet><ownerId>111122223333</ownerId></item></vpcEndpointSet>
                            </DescribeVpcEndpointsResponse>""")));
            ec2.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeRegions"))
                    .willReturn(aResponse().withStatus(403).withBody(error("UnauthorizedOperation",
                            "You are not authorized to perform this operation."))));
            try (AwsClients clients = new AwsClients(Moto.options("us-east-1")
                    .endpointUrl(URI.create(ec2.baseUrl())).build())) {
                List<Map<String, String>> eps = clients.ec2("us-east-1").describeVpcEndpoints();
                assertEquals(1, eps.size());
                assertEquals("111122223333", eps.get(0).get("ownerId"));
                assertEquals("available", eps.get(0).get("state"));
                assertEquals(2, clients.calls("ec2"), "the throttled attempt is retried and counted");

                AwsServiceException denied = assertThrows(AwsServiceException.class, () -> clients.ec2("us-east-1").describeRegions());
                assertEquals("UnauthorizedOperation", Errors.code(denied));
                assertEquals(403, denied.statusCode());
                assertTrue(Errors.isAccessDenied(Errors.code(denied)));
            }
        } finally {
            ec2.stop();
        }
    }

    private static String error(String code, String message) {
        return "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error></Errors><RequestID>req-1</RequestID></Response>";
    }
}
