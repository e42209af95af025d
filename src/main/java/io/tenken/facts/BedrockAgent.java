package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** A Bedrock agent (bedrock-agent ListAgents summary) with the guardrail it invokes. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class BedrockAgent implements Fallible {
    String id;
    String arn;
    String name;
    String region;
    /** PREPARED, NOT_PREPARED, CREATING, ... */
    String status;
    /** guardrailConfiguration.guardrailIdentifier; null when the agent has no guardrail. */
    String guardrailId;
    String guardrailVersion;

    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public String getGuardrailId() {
        return Reads.of(this, "guardrailId", guardrailId);
    }

    public String getGuardrailVersion() {
        return Reads.of(this, "guardrailVersion", guardrailVersion);
    }

    public String getStatus() {
        return Reads.of(this, "status", status);
    }

    @Override
    public String getResourceId() {
        return arn;
    }
}
