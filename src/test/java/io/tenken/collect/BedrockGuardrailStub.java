package io.tenken.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;

/**
 * A WireMock front for the moto server: moto 5.2.5 answers Bedrock ListGuardrails and
 * GetGuardrail with HTTP 500 (not implemented), so those two APIs are stubbed here with bodies
 * shaped as the Bedrock API reference documents them (restJson, ISO-8601 timestamps); every
 * other request is proxied unchanged to moto (host header preserved so SigV4 still verifies).
 */
final class BedrockGuardrailStub implements AutoCloseable {
    static final String GUARDRAIL_ID = "gr0123456789";
    private final WireMockServer server;

    private BedrockGuardrailStub(WireMockServer server) {
        this.server = server;
    }

    /** Front with no guardrails (ListGuardrails answers an empty list). */
    static BedrockGuardrailStub empty() {
        BedrockGuardrailStub s = start();
        s.server.stubFor(get(urlPathEqualTo("/guardrails")).atPriority(1)
                .willReturn(json("{\"guardrails\":[]}")));
        return s;
    }

    /** Front with one guardrail in every region: prompt-attack filter HIGH and PII filters. */
    static BedrockGuardrailStub withGuardrail() {
        BedrockGuardrailStub s = start();
        stubGuardrail(s.server);
        return s;
    }

    /** ListGuardrails and GetGuardrail answering one guardrail on {@code server}. */
    static void stubGuardrail(WireMockServer server) {
        String arn = "arn:aws:bedrock:us-east-1:" + Moto.ACCOUNT + ":guardrail/" + GUARDRAIL_ID;
        server.stubFor(get(urlPathEqualTo("/guardrails")).atPriority(1).willReturn(json("""
                {"guardrails":[{"id":"%s","arn":"%s","status":"READY","name":"genu-guardrail","version":"DRAFT",
                  "createdAt":"2025-01-10T09:00:00Z","updatedAt":"2025-01-10T09:00:00Z"}]}""".formatted(GUARDRAIL_ID, arn))));
        server.stubFor(get(urlPathMatching("/guardrails/" + GUARDRAIL_ID)).atPriority(1).willReturn(json("""
                {"name":"genu-guardrail","guardrailId":"%s","guardrailArn":"%s","version":"DRAFT","status":"READY",
                 "contentPolicy":{"filters":[
                   {"type":"PROMPT_ATTACK","inputStrength":"HIGH","outputStrength":"NONE"},
                   {"type":"HATE","inputStrength":"MEDIUM","outputStrength":"MEDIUM"}]},
                 "sensitiveInformationPolicy":{"piiEntities":[{"type":"EMAIL","action":"ANONYMIZE"},
                   {"type":"PHONE","action":"BLOCK"},{"type":"NAME","action":"NONE"}],"regexes":[{"name":"emp","pattern":"E[0-9]{6}","action":"BLOCK"}]},
                 "createdAt":"2025-01-10T09:00:00Z","updatedAt":"2025-01-10T09:00:00Z",
                 "blockedInputMessaging":"blocked","blockedOutputsMessaging":"blocked",
                 "kmsKeyArn":"arn:aws:kms:us-east-1:%s:key/11111111-2222-3333-4444-555555555555"}""".formatted(GUARDRAIL_ID, arn, Moto.ACCOUNT))));
    }

    private static BedrockGuardrailStub start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .preserveHostHeader(true).disableRequestJournal());
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10)
                .willReturn(aResponse().proxiedFrom(MotoServerExtension.endpoint().toString())));
        return new BedrockGuardrailStub(server);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.stop();
    }
}
