package io.tenken.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * Errors that survive retries (5xx, throttling, timeouts) become CollectionErrors. A WireMock
 * front injects the faults for CloudWatch Logs and proxies everything else to moto.
 */
@ExtendWith(MotoServerExtension.class)
class FailClosedTest {
    private WireMockServer front;

    @BeforeEach
    void start() {
        front = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .preserveHostHeader(true));
        front.start();
        front.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(MotoServerExtension.endpoint().toString())));
        Moto.client(CloudWatchLogsClient.builder(), "ap-northeast-1").createLogGroup(r -> r.logGroupName("/seen"));
    }

    @AfterEach
    void stop() {
        front.stop();
    }

    private ScanOptions.ScanOptionsBuilder options() {
        return Moto.options("ap-northeast-1", "us-east-1").services(List.of("logs"))
                .serviceEndpoints(Map.of("logs", URI.create("http://127.0.0.1:" + front.port())));
    }

    @Test
    void throttlingThatOutlastsRetriesIsAnError() {
        front.stubFor(post(urlPathEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("Logs_20140328.DescribeLogGroups"))
                .withHeader("Authorization", containing("/us-east-1/"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")));

        var s = new Scanner().scan(options().maxAttempts(3).build());

        assertEquals(1, s.getErrors().size(), () -> ScanTestSupport.describe(s.getErrors()));
        var e = s.getErrors().get(0);
        assertEquals("logs", e.getService());
        assertEquals("us-east-1", e.getRegion());
        assertEquals("DescribeLogGroups", e.getOperation());
        assertEquals("ThrottlingException", e.getErrorCode());
        assertEquals(null, e.getResourceId());
        assertEquals("PARTIAL", s.getServices().get("logs").getStatus());
        front.verify(3, postRequestedFor(urlPathEqualTo("/")).withHeader("Authorization", containing("/us-east-1/")));
        assertEquals(List.of("/seen"), s.getFacts().getLogGroups().stream().map(g -> g.getName()).toList(),
                "the healthy region is still collected");
    }

    @Test
    void serverErrorsAndTimeoutsAreErrors() {
        front.stubFor(post(urlPathEqualTo("/")).atPriority(1)
                .withHeader("Authorization", containing("/us-east-1/"))
                .willReturn(aResponse().withStatus(503).withBody("")));
        front.stubFor(post(urlPathEqualTo("/")).atPriority(1)
                .withHeader("Authorization", containing("/ap-northeast-1/"))
                .willReturn(aResponse().withFixedDelay(3000).proxiedFrom(MotoServerExtension.endpoint().toString())));

        var s = new Scanner().scan(options().maxAttempts(2).attemptTimeout(Duration.ofMillis(500))
                .apiCallTimeout(Duration.ofSeconds(2)).build());

        assertEquals(2, s.getErrors().size(), () -> ScanTestSupport.describe(s.getErrors()));
        assertEquals("FAILED", s.getServices().get("logs").getStatus());
        var tokyo = s.getErrors().get(0);
        assertEquals("ap-northeast-1", tokyo.getRegion());
        assertTrue(tokyo.getErrorCode().contains("Timeout"), tokyo.getErrorCode());
        var virginia = s.getErrors().get(1);
        assertEquals("us-east-1", virginia.getRegion());
        assertTrue(virginia.getErrorCode().equals("HTTP 503") || virginia.getErrorCode().contains("ServiceUnavailable"),
                virginia.getErrorCode());
        assertTrue(s.getFacts().getLogGroups().isEmpty());
    }
}
