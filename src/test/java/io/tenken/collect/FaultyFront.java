package io.tenken.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WireMock front for moto that behaves like AWS under load, for benchmarks: every answer is
 * delayed by {@code latencyMs} (AWS answers in 20-80 ms, moto in about 1 ms) and a random
 * {@code throttleRate} share of requests is refused with the throttling error of the request's
 * protocol (JSON: 400 ThrottlingException; Query: 400 Throttling; S3: 503 SlowDown; REST-JSON:
 * 429 with x-amzn-ErrorType), as the API references document them. Bedrock ListGuardrails (which
 * moto lacks) answers an empty list. Counts every request it receives.
 */
public final class FaultyFront implements AutoCloseable {
    private final WireMockServer server;
    private final Faults faults;
    private final BucketRegions bucketRegions;
    private final URI moto;
    private int scenarios;

    public FaultyFront(URI moto, int latencyMs, double throttleRate) {
        this.moto = moto;
        faults = new Faults(throttleRate);
        bucketRegions = new BucketRegions(moto);
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().preserveHostHeader(true)
                .disableRequestJournal().containerThreads(200).jettyAcceptors(2).extensions(faults, bucketRegions));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.toString())
                .withFixedDelay(latencyMs)));
        server.stubFor(get(urlPathEqualTo("/guardrails")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"guardrails\":[]}")
                .withFixedDelay(latencyMs)));
    }

    /**
     * Makes S3 ListBuckets answer as AWS does: each bucket with its {@code BucketRegion} (moto
     * leaves it out, which costs a GetBucketLocation a bucket that AWS does not need). The front
     * asks moto each bucket's location itself, with the caller's credentials (so in the caller's
     * account); those requests never reach the scanner's call counts.
     */
    public FaultyFront listBucketsAsAws() {
        bucketRegions.on = true;
        return this;
    }

    /**
     * Answers the S3 requests {@code request} matches with 503 SlowDown the first {@code times}
     * times, then passes them to moto; {@code times} below 0: every time.
     */
    public void throttleS3(Supplier<MappingBuilder> request, int times) {
        if (times < 0) {
            server.stubFor(request.get().atPriority(1).willReturn(slowDown()));
            return;
        }
        String scenario = "throttle-" + (++scenarios);
        for (int i = 0; i < times; i++) {
            server.stubFor(request.get().atPriority(1).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "throttled-" + i)
                    .willReturn(slowDown()).willSetStateTo("throttled-" + (i + 1)));
        }
        server.stubFor(request.get().atPriority(1).inScenario(scenario).whenScenarioStateIs("throttled-" + times)
                .willReturn(aResponse().proxiedFrom(moto.toString())));
    }

    /** S3's throttling answer (Error responses, SlowDown: HTTP 503). */
    static ResponseDefinitionBuilder slowDown() {
        return aResponse().withStatus(503).withHeader("Content-Type", "application/xml").withBody(
                "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>");
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Requests received so far (throttled ones included). */
    public long requests() {
        return faults.requests.get();
    }

    public long throttled() {
        return faults.throttled.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static final class Faults implements ResponseDefinitionTransformerV2 {
        final double rate;
        final AtomicLong requests = new AtomicLong();
        final AtomicLong throttled = new AtomicLong();

        Faults(double rate) {
            this.rate = rate;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            requests.incrementAndGet();
            if (rate <= 0 || ThreadLocalRandom.current().nextDouble() >= rate) {
                return event.getResponseDefinition();
            }
            throttled.incrementAndGet();
            return throttle(event.getRequest(), event.getResponseDefinition().getFixedDelayMilliseconds());
        }

        static ResponseDefinition throttle(Request r, Integer delay) {
            ResponseDefinitionBuilder b;
            String body = r.getBodyAsString();
            if (r.getHeader("X-Amz-Target") != null && r.containsHeader("X-Amz-Target")) {
                b = aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
            } else if (body != null && body.startsWith("Action=")) {
                b = aResponse().withStatus(400).withHeader("Content-Type", "text/xml").withBody(
                        "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded"
                                + "</Message></Error><RequestId>0</RequestId></ErrorResponse>");
            } else if (isRestJson(r.getUrl())) {
                b = aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", "ThrottlingException")
                        .withBody("{\"message\":\"Rate exceeded\"}");
            } else {
                b = slowDown();
            }
            if (delay != null) {
                b.withFixedDelay(delay);
            }
            return b.build();
        }

        /** Bedrock, API Gateway, Lambda and the like: REST paths answered with JSON. */
        private static boolean isRestJson(String url) {
            return url.startsWith("/logging/") || url.startsWith("/guardrails") || url.startsWith("/custom-models")
                    || url.startsWith("/restapis") || url.startsWith("/2015-03-31/") || url.startsWith("/identitypools")
                    || url.startsWith("/detector") || url.startsWith("/macie") || url.startsWith("/standards")
                    || url.startsWith("/v2/") || url.startsWith("/status");
        }

        @Override
        public String getName() {
            return "tenken-faults";
        }
    }

    /** Adds {@code <BucketRegion>} to ListBuckets answers when switched on ({@link #listBucketsAsAws()}). */
    private static final class BucketRegions implements ResponseTransformerV2 {
        private static final Pattern NAME = Pattern.compile("<Bucket>(.*?)<Name>([^<]*)</Name>(.*?)</Bucket>", Pattern.DOTALL);
        private static final Pattern LOCATION = Pattern.compile("<LocationConstraint[^>]*?(?:/>|>([^<]*)</LocationConstraint>)");
        private static final List<String> SIGNING = List.of("Authorization", "X-Amz-Date", "X-Amz-Security-Token",
                "X-Amz-Content-Sha256");
        private final URI moto;
        private final HttpClient http = HttpClient.newHttpClient();
        private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16, t -> {
            Thread th = new Thread(t, "bucket-regions");
            th.setDaemon(true);
            return th;
        });
        private final java.util.Map<String, String> regions = new java.util.concurrent.ConcurrentHashMap<>();
        volatile boolean on;

        BucketRegions(URI moto) {
            this.moto = moto;
        }

        @Override
        public Response transform(Response response, ServeEvent event) {
            Request r = event.getRequest();
            String auth = r.getHeader("Authorization");
            if (!on || !RequestMethod.GET.equals(r.getMethod()) || !r.getUrl().split("\\?")[0].equals("/")
                    || auth == null || !auth.contains("/s3/aws4_request") || response.getStatus() != 200) {
                return response;
            }
            String body = response.getBodyAsString();
            // Looked up concurrently and remembered (a bucket's region never changes), so the answer
            // comes back well within the SDK's attempt timeout even for 1,000 buckets on a loaded machine.
            Matcher names = NAME.matcher(body);
            List<java.util.concurrent.Future<String>> lookups = new java.util.ArrayList<>();
            while (names.find()) {
                String bucket = names.group(2);
                lookups.add(pool.submit(() -> regions.computeIfAbsent(account(auth) + "/" + bucket, k -> region(r, bucket))));
            }
            Matcher m = NAME.matcher(body);
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (m.find()) {
                String region = get(lookups.get(i++));
                m.appendReplacement(out, Matcher.quoteReplacement("<Bucket>" + m.group(1) + "<Name>" + m.group(2) + "</Name>"
                        + m.group(3) + "<BucketRegion>" + region + "</BucketRegion></Bucket>"));
            }
            m.appendTail(out);
            List<HttpHeader> headers = response.getHeaders().all().stream()
                    .filter(h -> !h.keyEquals("Content-Length")).toList();
            return Response.Builder.like(response).but().headers(new HttpHeaders(headers)).body(out.toString()).build();
        }

        /** The access key id in a SigV4 Authorization header: which account moto answers for. */
        private static String account(String authorization) {
            int at = authorization.indexOf("Credential=");
            return at < 0 ? "" : authorization.substring(at + 11, authorization.indexOf('/', at));
        }

        private static String get(java.util.concurrent.Future<String> f) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        private String region(Request caller, String bucket) {
            HttpRequest.Builder b = HttpRequest.newBuilder(moto.resolve("/" + bucket + "?location")).GET();
            SIGNING.stream().filter(caller::containsHeader).forEach(h -> b.header(h, caller.getHeader(h)));
            try {
                String answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = LOCATION.matcher(answer);
                return S3Collector.normaliseRegion(m.find() ? m.group(1) : null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String getName() {
            return "tenken-bucket-regions";
        }
    }
}
