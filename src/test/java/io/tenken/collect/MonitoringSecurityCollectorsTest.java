package io.tenken.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tenken.facts.MetricAlarm;
import io.tenken.facts.MetricFilter;
import io.tenken.facts.SecurityService;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.inspector2.Inspector2Client;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/** CloudWatch alarms and metric filters, and Security Hub, GuardDuty, Macie and Inspector status. */
@ExtendWith(MotoServerExtension.class)
class MonitoringSecurityCollectorsTest {
    static final String APP = "ap-northeast-1";
    static final String OTHER = "us-east-1";
    static final String FSBP = "arn:aws:securityhub:ap-northeast-1::standards/aws-foundational-security-best-practices/v/1.0.0";

    @Test
    void collectsAlarmsWithActionsAndMetricFilters() {
        var cw = Moto.client(CloudWatchClient.builder(), APP);
        String topic = "arn:aws:sns:" + APP + ":" + Moto.ACCOUNT + ":ops";
        cw.putMetricAlarm(r -> r.alarmName("genu-predict-errors").namespace("AWS/Lambda").metricName("Errors")
                .dimensions(d -> d.name("FunctionName").value("genu-predict")).statistic("Sum").period(60)
                .evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanOrEqualToThreshold")
                .alarmActions(topic));
        cw.putMetricAlarm(r -> r.alarmName("genu-api-5xx-silent").namespace("AWS/ApiGateway").metricName("5XXError")
                .dimensions(d -> d.name("ApiName").value("genu-api")).statistic("Sum").period(60)
                .evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanOrEqualToThreshold")
                .actionsEnabled(false).alarmActions(topic));
        var logs = Moto.client(CloudWatchLogsClient.builder(), APP);
        logs.createLogGroup(r -> r.logGroupName("/aws/lambda/genu-stream"));
        logs.putMetricFilter(r -> r.logGroupName("/aws/lambda/genu-stream").filterName("errors").filterPattern("ERROR")
                .metricTransformations(t -> t.metricNamespace("GenU").metricName("StreamErrors").metricValue("1")));

        var s = ScanTestSupport.scan(List.of("cloudwatch"), APP);

        assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
        List<MetricAlarm> alarms = s.getFacts().getMetricAlarms();
        assertEquals(List.of("genu-api-5xx-silent", "genu-predict-errors"), alarms.stream().map(MetricAlarm::getName).toList());
        MetricAlarm silent = alarms.get(0);
        assertFalse(silent.isNotifying(), "actions disabled: nobody is told");
        MetricAlarm errors = alarms.get(1);
        assertTrue(errors.isNotifying());
        assertEquals(List.of(topic), errors.getAlarmActions());
        assertEquals(1, errors.getMetrics().size());
        assertEquals("AWS/Lambda", errors.getMetrics().get(0).getNamespace());
        assertEquals("Errors", errors.getMetrics().get(0).getMetricName());
        assertEquals(Map.of("FunctionName", "genu-predict"), errors.getMetrics().get(0).getDimensions());
        List<MetricFilter> filters = s.getFacts().getMetricFilters();
        assertEquals(1, filters.size());
        assertEquals("/aws/lambda/genu-stream", filters.get(0).getLogGroupName());
        assertEquals("GenU", filters.get(0).getMetricNamespace());
        assertEquals("StreamErrors", filters.get(0).getMetricName());
    }

    /**
     * A front for moto with two stubs, each shaped as the AWS API reference documents it; every
     * other request is proxied to moto. (1) moto 5.2.5 implements DescribeHub but not Security
     * Hub GetEnabledStandards (a 500): {@code POST /standards/get} answers StandardsSubscriptions
     * with StandardsArn and StandardsStatus. (2) moto's GetMacieSession timestamps carry no zone
     * (the SDK rejects them; AWS sends ISO-8601 with zone): {@code GET /macie} answers an ENABLED
     * session in ap-northeast-1 (matched on the SigV4 credential scope) and, elsewhere, AWS's
     * answer for an account that never enabled Macie: 403 AccessDeniedException "Macie is not enabled".
     */
    static WireMockServer standardsFront() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .preserveHostHeader(true).disableRequestJournal());
        server.start();
        stubStandardsAndMacie(server);
        server.stubFor(any(anyUrl()).atPriority(10)
                .willReturn(aResponse().proxiedFrom(MotoServerExtension.endpoint().toString())));
        return server;
    }

    /** The two stubs of {@link #standardsFront()} on {@code server}. */
    static void stubStandardsAndMacie(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/standards/get")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"StandardsSubscriptions":[
                          {"StandardsSubscriptionArn":"arn:aws:securityhub:ap-northeast-1:%1$s:subscription/aws-foundational-security-best-practices/v/1.0.0",
                           "StandardsArn":"%2$s","StandardsInput":{},"StandardsStatus":"READY"},
                          {"StandardsSubscriptionArn":"arn:aws:securityhub:ap-northeast-1:%1$s:subscription/cis-aws-foundations-benchmark/v/3.0.0",
                           "StandardsArn":"arn:aws:securityhub:ap-northeast-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
                           "StandardsInput":{},"StandardsStatus":"DELETING"}]}""".formatted(Moto.ACCOUNT, FSBP))));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/macie")).atPriority(1)
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.containing("/" + APP + "/macie2/"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"createdAt":"2025-01-10T09:00:00Z","findingPublishingFrequency":"FIFTEEN_MINUTES",
                         "serviceRole":"arn:aws:iam::%s:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie",
                         "status":"ENABLED","updatedAt":"2025-01-10T09:00:00Z"}""".formatted(Moto.ACCOUNT))));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/macie")).atPriority(2)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                        .withBody("{\"message\":\"Macie is not enabled.\"}")));
    }

    @Test
    void collectsSecurityServicesPerRegion() {
        Moto.client(SecurityHubClient.builder(), APP).enableSecurityHub(r -> r.enableDefaultStandards(false));
        var gd = Moto.client(GuardDutyClient.builder(), APP);
        gd.createDetector(r -> r.enable(true).features(f -> f.name("LAMBDA_NETWORK_LOGS").status("ENABLED"),
                f -> f.name("S3_DATA_EVENTS").status("DISABLED")));
        Moto.client(Inspector2Client.builder(), APP).enable(r -> r.resourceTypesWithStrings("EC2", "LAMBDA").accountIds(Moto.ACCOUNT));
        // moto answers BatchGetAccountStatus with no entry for an account that never touched
        // Inspector (AWS answers DISABLED); disabling once gives moto the AWS-shaped record.
        Moto.client(Inspector2Client.builder(), OTHER).disable(r -> r.resourceTypesWithStrings("EC2").accountIds(Moto.ACCOUNT));

        WireMockServer front = standardsFront();
        try {
            var s = new Scanner().scan(Moto.options(APP, OTHER).endpointUrl(URI.create("http://127.0.0.1:" + front.port()))
                    .services(List.of("securityhub", "guardduty", "macie2", "inspector2")).build());

            assertEquals(List.of(), s.getErrors(), () -> ScanTestSupport.describe(s.getErrors()));
            List<SecurityService> all = s.getFacts().getSecurityServices();
            assertEquals(8, all.size(), all::toString);
            SecurityService hub = find(all, "securityhub", APP);
            assertTrue(hub.isEnabled());
            assertEquals(List.of(FSBP), hub.getFeatures(), "only READY standards");
            assertFalse(find(all, "securityhub", OTHER).isEnabled(), "InvalidAccessException: not subscribed");
            SecurityService guard = find(all, "guardduty", APP);
            assertTrue(guard.isEnabled());
            assertEquals(List.of("LAMBDA_NETWORK_LOGS"), guard.getFeatures());
            assertFalse(find(all, "guardduty", OTHER).isEnabled(), "no detector");
            assertTrue(find(all, "macie2", APP).isEnabled());
            assertFalse(find(all, "macie2", OTHER).isEnabled());
            SecurityService insp = find(all, "inspector2", APP);
            assertTrue(insp.isEnabled());
            assertEquals(List.of("EC2", "LAMBDA"), insp.getFeatures());
            SecurityService off = find(all, "inspector2", OTHER);
            assertFalse(off.isEnabled());
            assertEquals("inspector2:" + Moto.ACCOUNT + ":" + OTHER, off.getResourceId());
            assertNull(find(all, "securityhub", OTHER).getStatus());
        } finally {
            front.stop();
        }
    }

    @Test
    void inspectorAnswerWithoutTheAccountIsAnError() {
        // Never enabled in moto: the answer names no account; AWS always names the caller's.
        var s = ScanTestSupport.scan(List.of("inspector2"), APP);
        assertEquals(1, s.getErrors().size(), () -> ScanTestSupport.describe(s.getErrors()));
        assertEquals("BatchGetAccountStatus", s.getErrors().get(0).getOperation());
        assertTrue(s.getFacts().getSecurityServices().isEmpty());
    }

    private static SecurityService find(List<SecurityService> all, String service, String region) {
        return all.stream().filter(x -> x.getService().equals(service) && x.getRegion().equals(region)).findFirst().orElseThrow();
    }
}
