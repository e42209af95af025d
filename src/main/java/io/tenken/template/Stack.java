package io.tenken.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One stack to read: its name (the CloudFormation stack name, or for a nested stack
 * {@code PARENT/LOGICAL_ID}), its environment (null account or region = environment-agnostic,
 * unknown before deployment), its template, and for a nested stack the parameter values its
 * parent passes (expressions, resolved in the parent).
 */
public record Stack(String name, String account, String region, TemplateDocument template, Stack parent,
                    String parentLogicalId, Map<String, JsonNode> passedParameters) {

    public String resourceId(String logicalId) {
        return name + "/" + logicalId;
    }
}
