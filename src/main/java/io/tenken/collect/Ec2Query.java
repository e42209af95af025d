package io.tenken.collect;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The two EC2 reads Tenken makes (DescribeRegions, DescribeVpcEndpoints) as signed EC2 Query
 * API requests over the SDK's own HTTP client, SigV4 signer and retry strategy. The generated EC2
 * client is a 23.5 MB jar (a quarter of the distribution) for these two calls; the wire format
 * of two Describe calls is small and stable (API version 2016-11-15, documented in the EC2 API
 * reference), so it is spoken here directly. The read-only rule and the call counter apply
 * exactly as for SDK clients.
 */
public final class Ec2Query {
    static final String API_VERSION = "2016-11-15";
    private static final XMLInputFactory XML = xmlFactory();

    private final SdkHttpClient http;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final RetryStrategy retries;
    private final String region;
    private final URI endpoint;
    private final CallCounter calls;
    private final RateLimiter limiter;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    Ec2Query(SdkHttpClient http, IdentityProvider<? extends AwsCredentialsIdentity> credentials, RetryStrategy retries,
             RateLimiter limiter, String region, URI endpointOverride, CallCounter calls) {
        this.http = http;
        this.limiter = limiter;
        this.credentials = credentials;
        this.retries = retries;
        this.region = region;
        this.endpoint = endpointOverride != null ? endpointOverride
                : URI.create("https://ec2." + region + "." + PartitionMetadata.of(Region.of(region)).dnsSuffix());
        this.calls = calls;
    }

    /** Names of the regions enabled for the account (DescribeRegions without AllRegions). */
    public List<String> describeRegions() {
        List<String> names = new ArrayList<>();
        for (Map<String, String> r : send("DescribeRegions", Map.of(), "regionInfo").items()) {
            names.add(r.get("regionName"));
        }
        return names;
    }

    /** Every VPC endpoint in the region, all pages: the item's scalar fields by their XML name. */
    public List<Map<String, String>> describeVpcEndpoints() {
        List<Map<String, String>> all = new ArrayList<>();
        String token = null;
        do {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("MaxResults", "1000");
            if (token != null) {
                params.put("NextToken", token);
            }
            Page page = send("DescribeVpcEndpoints", params, "vpcEndpointSet");
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return all;
    }

    /** One page of a response: the items of its list element and the next token, if any. */
    record Page(List<Map<String, String>> items, String nextToken) {
    }

    private Page send(String action, Map<String, String> params, String listElement) {
        if (!ReadOnlyInterceptor.allows("ec2", action)) {
            throw new ReadOnlyInterceptor.WriteAttemptException("refused to send ec2 " + action
                    + ": not a read the collectors declare (Tenken is read-only)");
        }
        StringBuilder body = new StringBuilder("Action=").append(action).append("&Version=").append(API_VERSION);
        params.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        AcquireInitialTokenResponse first = retries.acquireInitialToken(AcquireInitialTokenRequest.create("ec2"));
        RetryToken token = first.token();
        pause(first.delay());
        while (true) {
            try {
                Page page = attempt(action, body.toString(), listElement);
                retries.recordSuccess(RecordSuccessRequest.create(token));
                return page;
            } catch (SdkException e) {
                RefreshRetryTokenResponse next;
                try {
                    next = retries.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(e).build());
                } catch (TokenAcquisitionFailedException exhausted) {
                    throw e;
                }
                token = next.token();
                pause(next.delay());
            }
        }
    }

    private Page attempt(String action, String body, String listElement) {
        String host = endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "");
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Host", host)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        SignedRequest signed = signer.sign(r -> r.identity(identity).request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        limiter.acquire();
        calls.record("EC2." + action);
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            int status = response.httpResponse().statusCode();
            try (InputStream in = response.responseBody().isPresent() ? response.responseBody().get()
                    : InputStream.nullInputStream()) {
                if (status / 100 != 2) {
                    throw serviceError(status, in);
                }
                return page(in, listElement);
            }
        } catch (IOException e) {
            throw SdkClientException.builder().message("ec2 request failed: " + e.getMessage()).cause(e).build();
        }
    }

    /** Reads {@code <listElement><item>…</item></listElement>} directly under the response root. */
    static Page page(InputStream in, String listElement) {
        List<Map<String, String>> items = new ArrayList<>();
        String nextToken = null;
        try {
            XMLStreamReader x = XML.createXMLStreamReader(in);
            Deque<String> path = new ArrayDeque<>();
            Map<String, String> item = null;
            StringBuilder text = new StringBuilder();
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    path.addLast(x.getLocalName());
                    text.setLength(0);
                    if (path.size() == 3 && "item".equals(x.getLocalName()) && listElement.equals(nth(path, 1))) {
                        item = new LinkedHashMap<>();
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    text.append(x.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (item != null && path.size() == 4) {
                        item.putIfAbsent(x.getLocalName(), text.toString());
                    } else if (item != null && path.size() == 3) {
                        items.add(item);
                        item = null;
                    } else if (path.size() == 2 && "nextToken".equals(x.getLocalName())) {
                        nextToken = text.toString().trim();
                    }
                    text.setLength(0);
                    path.removeLast();
                }
            }
        } catch (XMLStreamException e) {
            throw SdkClientException.builder().message("ec2 response is not the documented XML: " + e.getMessage())
                    .cause(e).build();
        }
        return new Page(items, nextToken);
    }

    private static String nth(Deque<String> path, int i) {
        int n = 0;
        for (String s : path) {
            if (n++ == i) {
                return s;
            }
        }
        return null;
    }

    /** {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>}. */
    static AwsServiceException serviceError(int status, InputStream in) {
        String code = null;
        String message = null;
        String requestId = null;
        try {
            XMLStreamReader x = XML.createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "Code" -> code = code == null ? x.getElementText() : code;
                        case "Message" -> message = message == null ? x.getElementText() : message;
                        case "RequestID", "RequestId" -> requestId = x.getElementText();
                        default -> { }
                    }
                }
            }
        } catch (XMLStreamException e) {
            // Not XML (e.g. a proxy's HTML page): the status alone classifies it.
        }
        return AwsServiceException.builder().statusCode(status).requestId(requestId)
                .message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("Ec2").build())
                .build();
    }

    private static void pause(Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.builder().message("interrupted").cause(e).build();
        }
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // An answer is data: no DTDs, no external entities.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}
