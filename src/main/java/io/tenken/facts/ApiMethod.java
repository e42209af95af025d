package io.tenken.facts;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * One method of an API Gateway REST API resource (GetResources with embedded methods), with
 * the authorizer it names resolved from GetAuthorizers and the Lambda function it integrates.
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class ApiMethod implements Resource {
    String restApiId;
    String apiName;
    String region;
    /** API Gateway's id of the resource (path) the method hangs on. */
    String pathResourceId;
    String path;
    /** GET, POST, OPTIONS, ANY, ... */
    String httpMethod;
    /** NONE, AWS_IAM, CUSTOM (Lambda authorizer) or COGNITO_USER_POOLS. */
    String authorizationType;
    String authorizerId;
    /** The named authorizer's type (TOKEN, REQUEST, COGNITO_USER_POOLS); null when none is named. */
    String authorizerType;
    boolean apiKeyRequired;
    /** AWS_PROXY, AWS, HTTP, HTTP_PROXY, MOCK; null when the method has no integration. */
    String integrationType;
    /** The Lambda function ARN (unqualified) the integration invokes; null when it invokes none. */
    String lambdaFunctionArn;

    @Override
    public String getResourceId() {
        return "arn:aws:apigateway:" + region + "::/restapis/" + restApiId + "/resources/" + pathResourceId
                + "/methods/" + httpMethod;
    }
}
