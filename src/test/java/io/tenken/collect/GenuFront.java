package io.tenken.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint for a whole GenU scan: moto behind WireMock, with stand-ins where moto lacks an
 * API (each shaped as the API reference documents it; see {@link BedrockGuardrailStub} and
 * {@link MonitoringSecurityCollectorsTest#standardsFront()} for why): Bedrock ListGuardrails /
 * GetGuardrail, Security Hub GetEnabledStandards, Macie GetMacieSession, and the Bedrock agent
 * APIs (moto's epoch-second timestamps break the SDK) with one agent without a guardrail and a
 * knowledge base with one S3 data source, and Bedrock custom models (likewise). Two modes on top, decided per request from the wire
 * ({@link WireOperation}): {@link #deny} answers one operation with the protocol's AccessDenied,
 * as IAM would; {@link #chaos} answers a share of all requests with a 5xx, a throttling error or
 * a connection reset, chosen by a seeded hash of the request and its attempt number, so the same
 * seed faults the same requests whatever the threads' order.
 */
final class GenuFront implements AutoCloseable {
    static final String KB = "KBGENU0001";
    private static final Pattern ATTEMPT = Pattern.compile("attempt=(\\d+)");
    private final WireMockServer server;
    private final Wire wire = new Wire();

    GenuFront() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().preserveHostHeader(true)
                .disableRequestJournal().containerThreads(100).extensions(wire));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10)
                .willReturn(aResponse().proxiedFrom(MotoServerExtension.endpoint().toString())));
        BedrockGuardrailStub.stubGuardrail(server);
        MonitoringSecurityCollectorsTest.stubStandardsAndMacie(server);
        server.stubFor(post(urlPathEqualTo("/agents/")).atPriority(1).willReturn(json("""
                {"agentSummaries":[{"agentId":"AGENTGENU1","agentName":"genu-agent","agentStatus":"PREPARED",
                  "updatedAt":"2025-01-10T09:00:00Z"}]}""")));
        server.stubFor(post(urlPathEqualTo("/knowledgebases/")).atPriority(1).willReturn(json("""
                {"knowledgeBaseSummaries":[{"knowledgeBaseId":"%s","name":"genu-kb","status":"ACTIVE",
                  "updatedAt":"2025-01-10T09:00:00Z"}]}""".formatted(KB))));
        server.stubFor(post(urlPathEqualTo("/knowledgebases/" + KB + "/datasources/")).atPriority(1).willReturn(json("""
                {"dataSourceSummaries":[{"knowledgeBaseId":"%s","dataSourceId":"DSGENU0001","name":"docs",
                  "status":"AVAILABLE","updatedAt":"2025-01-10T09:00:00Z"}]}""".formatted(KB))));
        server.stubFor(get(urlPathEqualTo("/knowledgebases/" + KB + "/datasources/DSGENU0001")).atPriority(1).willReturn(json("""
                {"dataSource":{"knowledgeBaseId":"%s","dataSourceId":"DSGENU0001","name":"docs","status":"AVAILABLE",
                  "dataSourceConfiguration":{"type":"S3","s3Configuration":{"bucketArn":"arn:aws:s3:::genu-rag-docs"}},
                  "createdAt":"2025-01-10T09:00:00Z","updatedAt":"2025-01-10T09:00:00Z"}}""".formatted(KB))));
        // moto's custom-model timestamps are not ISO-8601 (the SDK rejects them): one fine-tuned
        // model in the model region, shaped as ListCustomModels and GetCustomModel document it.
        String model = "arn:aws:bedrock:" + GenuSeed.MODEL + ":" + Moto.ACCOUNT + ":custom-model/amazon.titan-text-express-v1:0:8k/genu0tuned01";
        String base = "arn:aws:bedrock:" + GenuSeed.MODEL + "::foundation-model/amazon.titan-text-express-v1:0:8k";
        server.stubFor(get(urlPathEqualTo("/custom-models")).atPriority(1)
                .withHeader("Authorization", containing("/" + GenuSeed.MODEL + "/bedrock/")).willReturn(json("""
                        {"modelSummaries":[{"modelArn":"%s","modelName":"genu-tuned","creationTime":"2025-01-10T09:00:00Z",
                          "baseModelArn":"%s","baseModelName":"Titan Text G1 - Express","customizationType":"FINE_TUNING",
                          "ownerAccountId":"%s"}]}""".formatted(model, base, Moto.ACCOUNT))));
        server.stubFor(get(urlPathMatching("/custom-models/.+")).atPriority(1)
                .withHeader("Authorization", containing("/" + GenuSeed.MODEL + "/bedrock/")).willReturn(json("""
                        {"modelArn":"%s","modelName":"genu-tuned","jobArn":"arn:aws:bedrock:%s:%s:model-customization-job/genu0job01",
                         "baseModelArn":"%s","customizationType":"FINE_TUNING",
                         "modelKmsKeyArn":"arn:aws:kms:%s:%s:key/11111111-2222-3333-4444-555555555555",
                         "creationTime":"2025-01-10T09:00:00Z"}""".formatted(model, GenuSeed.MODEL, Moto.ACCOUNT, base,
                        GenuSeed.MODEL, Moto.ACCOUNT))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** From now on, answer {@code operation} ({@code service:Operation}) with AccessDenied; null: deny nothing. */
    void deny(String operation) {
        wire.denied = operation;
        wire.hits.clear();
    }

    /** From now on, fault {@code rate} of all requests, chosen by {@code seed}; 0: none. */
    void chaos(double rate, long seed) {
        wire.rate = rate;
        wire.seed = seed;
    }

    /** Requests per wire operation since the last {@link #deny}, faulted and denied ones included. */
    Map<String, Long> hits() {
        Map<String, Long> out = new TreeMap<>();
        wire.hits.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    long faults(String kind) {
        return wire.faults.computeIfAbsent(kind, k -> new AtomicLong()).get();
    }

    /** Requests that were a retry (attempt 2 or later). */
    long retries() {
        return wire.retries.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static final class Wire implements ResponseDefinitionTransformerV2 {
        volatile String denied;
        volatile double rate;
        volatile long seed;
        final Map<String, AtomicLong> hits = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> faults = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final AtomicLong retries = new AtomicLong();

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request r = event.getRequest();
            String op = WireOperation.of(r);
            hits.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
            if (op.equals(denied)) {
                return WireOperation.accessDenied(r).build();
            }
            int attempt = attempt(r, op);
            if (attempt > 1) {
                retries.incrementAndGet();
            }
            if (rate <= 0) {
                return event.getResponseDefinition();
            }
            long h = mix(seed ^ mix(op.hashCode()) ^ mix(r.getUrl().hashCode() * 31L + attempt)
                    ^ mix(String.valueOf(r.getBodyAsString()).hashCode()) ^ mix(String.valueOf(WireOperation.region(r)).hashCode()));
            double u = (h >>> 11) * 0x1.0p-53;
            if (u >= rate) {
                return event.getResponseDefinition();
            }
            int kind = (int) Math.floorMod(h, 3L);
            String name = kind == 0 ? "server-error" : kind == 1 ? "throttling" : "connection-reset";
            faults.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
            return switch (kind) {
                case 0 -> WireOperation.serverError(r).build();
                case 1 -> WireOperation.throttled(r).build();
                default -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            };
        }

        /** The SDK's attempt number (amz-sdk-request), else the how-many-th identical request this is. */
        private int attempt(Request r, String op) {
            String header = r.getHeader("amz-sdk-request");
            Matcher m = ATTEMPT.matcher(String.valueOf(header));
            if (header != null && m.find()) {
                return Integer.parseInt(m.group(1));
            }
            String key = op + " " + r.getUrl() + " " + WireOperation.region(r) + " "
                    + new String(r.getBody(), StandardCharsets.UTF_8);
            return attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }

        /** SplitMix64's finaliser: a well-spread hash of {@code x}. */
        private static long mix(long x) {
            x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
            x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
            return x ^ (x >>> 31);
        }

        @Override
        public String getName() {
            return "genu-front";
        }
    }
}
