package io.tenken.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which AWS API operation an HTTP request is, read from the wire as AWS routes it: the
 * {@code X-Amz-Target} header (JSON protocols), the form's {@code Action=} (Query protocols), or
 * the method and path (REST protocols, S3's sub-resources), the service from the SigV4
 * credential scope. Names are {@code service:Operation} as {@link Calls.Call#apiService()} and
 * {@link Calls.Call#apiOperation()} spell them, so a request can be matched to the declared call
 * it is. Also the error answers of each protocol, shaped as the API references document them.
 */
final class WireOperation {
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final Map<String, String> S3_SUBRESOURCES = Map.ofEntries(
            Map.entry("location", "GetBucketLocation"), Map.entry("encryption", "GetBucketEncryption"),
            Map.entry("publicAccessBlock", "GetPublicAccessBlock"), Map.entry("policy", "GetBucketPolicy"),
            Map.entry("versioning", "GetBucketVersioning"), Map.entry("object-lock", "GetObjectLockConfiguration"),
            Map.entry("lifecycle", "GetBucketLifecycleConfiguration"), Map.entry("logging", "GetBucketLogging"),
            Map.entry("tagging", "GetBucketTagging"), Map.entry("ownershipControls", "GetBucketOwnershipControls"),
            Map.entry("acl", "GetBucketAcl"));
    /** REST-JSON and REST-XML operations: service, method, path pattern, operation. */
    private static final List<String[]> REST = List.of(
            new String[] {"cloudfront", "GET", "/2020-05-31/distribution", "ListDistributions"},
            new String[] {"cloudfront", "GET", "/2020-05-31/distribution/[^/]+/config", "GetDistributionConfig"},
            new String[] {"bedrock", "GET", "/logging/modelinvocations", "GetModelInvocationLoggingConfiguration"},
            new String[] {"bedrock", "GET", "/guardrails", "ListGuardrails"},
            new String[] {"bedrock", "GET", "/guardrails/[^/]+", "GetGuardrail"},
            new String[] {"bedrock", "GET", "/custom-models", "ListCustomModels"},
            new String[] {"bedrock", "GET", "/custom-models/.+", "GetCustomModel"},
            new String[] {"bedrock-agent", "POST", "/agents/", "ListAgents"},
            new String[] {"bedrock-agent", "POST", "/knowledgebases/", "ListKnowledgeBases"},
            new String[] {"bedrock-agent", "POST", "/knowledgebases/[^/]+/datasources/", "ListDataSources"},
            new String[] {"bedrock-agent", "GET", "/knowledgebases/[^/]+/datasources/[^/]+", "GetDataSource"},
            new String[] {"apigateway", "GET", "/restapis", "GetRestApis"},
            new String[] {"apigateway", "GET", "/restapis/[^/]+/stages", "GetStages"},
            new String[] {"apigateway", "GET", "/restapis/[^/]+/authorizers", "GetAuthorizers"},
            new String[] {"apigateway", "GET", "/restapis/[^/]+/resources", "GetResources"},
            new String[] {"lambda", "GET", "/2015-03-31/functions/?", "ListFunctions"},
            new String[] {"lambda", "GET", "/2015-03-31/functions/[^/]+/policy", "GetPolicy"},
            new String[] {"securityhub", "GET", "/accounts", "DescribeHub"},
            new String[] {"securityhub", "POST", "/standards/get", "GetEnabledStandards"},
            new String[] {"guardduty", "GET", "/detector", "ListDetectors"},
            new String[] {"guardduty", "GET", "/detector/[^/]+", "GetDetector"},
            new String[] {"macie2", "GET", "/macie", "GetMacieSession"},
            new String[] {"inspector2", "POST", "/status/batch/get", "BatchGetAccountStatus"},
            new String[] {"s3control", "GET", "/v20180820/configuration/publicAccessBlock", "GetPublicAccessBlock"});

    enum Protocol { JSON, QUERY, EC2_QUERY, REST_JSON, S3_XML, REST_XML }

    private WireOperation() {
    }

    /** The request's region, from the credential scope; null when unsigned. */
    static String region(Request r) {
        Matcher m = SCOPE.matcher(String.valueOf(r.getHeader("Authorization")));
        return m.find() ? m.group(1) : null;
    }

    /** {@code service:Operation}, or {@code ?METHOD path} for a request no declared call makes. */
    static String of(Request r) {
        Matcher m = SCOPE.matcher(String.valueOf(r.getHeader("Authorization")));
        String scope = m.find() ? m.group(2) : "?";
        String service = switch (scope) {
            case "monitoring" -> "cloudwatch";
            default -> scope;
        };
        String target = r.getHeader("X-Amz-Target");
        if (target != null && !target.isEmpty()) {
            return service + ":" + target.substring(target.lastIndexOf('.') + 1);
        }
        String body = r.getBodyAsString();
        if (body != null && body.startsWith("Action=")) {
            int end = body.indexOf('&');
            return service + ":" + body.substring("Action=".length(), end < 0 ? body.length() : end);
        }
        String url = r.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? "" : url.substring(q + 1);
        String method = r.getMethod().getName();
        if (service.equals("bedrock") && (path.startsWith("/agents") || path.startsWith("/knowledgebases"))) {
            service = "bedrock-agent";
        }
        if (service.equals("s3") && path.startsWith("/v20180820/")) {
            service = "s3control";
        }
        for (String[] rest : REST) {
            if (rest[0].equals(service) && rest[1].equals(method) && path.matches(rest[2])) {
                return service + ":" + rest[3];
            }
        }
        if (service.equals("s3") && method.equals("GET")) {
            if (path.equals("/")) {
                return "s3:ListBuckets";
            }
            for (String param : query.split("&")) {
                String op = S3_SUBRESOURCES.get(param.split("=", 2)[0]);
                if (op != null && path.indexOf('/', 1) < 0) {
                    return "s3:" + op;
                }
            }
        }
        return "?" + method + " " + service + " " + path;
    }

    static Protocol protocol(Request r) {
        String target = r.getHeader("X-Amz-Target");
        if (target != null && !target.isEmpty()) {
            return Protocol.JSON;
        }
        String body = r.getBodyAsString();
        if (body != null && body.startsWith("Action=")) {
            return of(r).startsWith("ec2:") ? Protocol.EC2_QUERY : Protocol.QUERY;
        }
        String op = of(r);
        if (op.startsWith("s3:") || op.startsWith("s3control:")) {
            return Protocol.S3_XML;
        }
        return op.startsWith("cloudfront:") ? Protocol.REST_XML : Protocol.REST_JSON;
    }

    /**
     * What AWS answers a caller whose policy does not allow {@code operation}: JSON protocols 400
     * AccessDeniedException; Query 403 AccessDenied (EC2: UnauthorizedOperation); S3 403
     * AccessDenied; CloudFront 403 AccessDenied; REST-JSON 403 with x-amzn-ErrorType AccessDeniedException.
     */
    static ResponseDefinitionBuilder accessDenied(Request r) {
        String op = of(r);
        String message = "User: arn:aws:iam::" + Moto.ACCOUNT + ":user/tenken-scan is not authorized to perform: "
                + op + " because no identity-based policy allows the " + op + " action";
        return switch (protocol(r)) {
            case JSON -> aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"" + message + "\"}");
            case QUERY -> aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody(
                    "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>" + message
                            + "</Message></Error><RequestId>denied</RequestId></ErrorResponse>");
            case EC2_QUERY -> aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody(
                    "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to "
                            + "perform this operation.</Message></Error></Errors><RequestID>denied</RequestID></Response>");
            case S3_XML -> aResponse().withStatus(403).withHeader("Content-Type", "application/xml").withBody(
                    "<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>denied</RequestId></Error>");
            case REST_XML -> aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody(
                    "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>" + message
                            + "</Message></Error><RequestId>denied</RequestId></ErrorResponse>");
            case REST_JSON -> aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                    .withBody("{\"message\":\"" + message + "\"}");
        };
    }

    /** A server error of the request's protocol (500 InternalFailure / S3 500 InternalError / EC2 503 Unavailable). */
    static ResponseDefinitionBuilder serverError(Request r) {
        return switch (protocol(r)) {
            case JSON -> aResponse().withStatus(500).withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody("{\"__type\":\"InternalFailure\",\"message\":\"Internal failure\"}");
            case QUERY, REST_XML -> aResponse().withStatus(500).withHeader("Content-Type", "text/xml").withBody(
                    "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>Internal failure"
                            + "</Message></Error><RequestId>0</RequestId></ErrorResponse>");
            case EC2_QUERY -> aResponse().withStatus(503).withHeader("Content-Type", "text/xml").withBody(
                    "<Response><Errors><Error><Code>Unavailable</Code><Message>The server is overloaded</Message>"
                            + "</Error></Errors><RequestID>0</RequestID></Response>");
            case S3_XML -> aResponse().withStatus(500).withHeader("Content-Type", "application/xml").withBody(
                    "<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again."
                            + "</Message></Error>");
            case REST_JSON -> aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "InternalServerException")
                    .withBody("{\"message\":\"Internal server error\"}");
        };
    }

    /**
     * The throttling error of the request's protocol: JSON 400 ThrottlingException; Query 400
     * Throttling (EC2 503 RequestLimitExceeded); S3 503 SlowDown; CloudFront 400 Throttling;
     * REST-JSON 429 ThrottlingException.
     */
    static ResponseDefinitionBuilder throttled(Request r) {
        return switch (protocol(r)) {
            case JSON -> aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
            case QUERY, REST_XML -> aResponse().withStatus(400).withHeader("Content-Type", "text/xml").withBody(
                    "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded"
                            + "</Message></Error><RequestId>0</RequestId></ErrorResponse>");
            case EC2_QUERY -> aResponse().withStatus(503).withHeader("Content-Type", "text/xml").withBody(
                    "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded."
                            + "</Message></Error></Errors><RequestID>0</RequestID></Response>");
            case S3_XML -> FaultyFront.slowDown();
            case REST_JSON -> aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "ThrottlingException")
                    .withBody("{\"message\":\"Rate exceeded\"}");
        };
    }
}
