package io.tenken.facts;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A Bedrock agent (bedrock-agent ListAgents summary) with the guardrail it invokes. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class BedrockAgent implements Resource {
    String id;
    String arn;
    String name;
    String region;
    /** PREPARED, NOT_PREPARED, CREATING, ... */
    String status;
    /** guardrailConfiguration.guardrailIdentifier; null when the agent has no guardrail. */
    String guardrailId;
    String guardrailVersion;

    @Override
    public String getResourceId() {
        return arn;
    }
}
