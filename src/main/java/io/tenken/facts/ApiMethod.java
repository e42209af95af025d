package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import lombok.Builder;
import lombok.With;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * One method of an API Gateway REST API resource (GetResources with embedded methods), with
 * the authorizer it names resolved from GetAuthorizers and the Lambda function it integrates.
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class ApiMethod implements Fallible {
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
    /** The identity a template gives it ({@code STACK/LOGICAL_ID}); null for a collected one. */
    String templateId;

    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    @Override
    public String getResourceId() {
        if (templateId != null) {
            return templateId;
        }
        return "arn:aws:apigateway:" + region + "::/restapis/" + restApiId + "/resources/" + pathResourceId
                + "/methods/" + httpMethod;
    }
}
