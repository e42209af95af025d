package io.tenken.facts;

import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A Bedrock guardrail (GetGuardrail, working draft or latest version). */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class Guardrail implements Resource {
    String id;
    String arn;
    String name;
    String region;
    String version;
    String status;
    /** Content filters: type (HATE, INSULTS, SEXUAL, VIOLENCE, MISCONDUCT, PROMPT_ATTACK) and strengths. */
    List<ContentFilter> contentFilters;
    /** PII entity types with an action (BLOCK or ANONYMIZE). */
    List<String> piiEntityTypes;
    int regexFilterCount;
    String kmsKeyArn;

    @Override
    public String getResourceId() {
        return arn;
    }

    @Value
    @Builder
    @Jacksonized
    public static class ContentFilter {
        String type;
        String inputStrength;
        String outputStrength;
    }
}
