package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** A Bedrock guardrail (GetGuardrail, working draft or latest version). */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class Guardrail implements Fallible {
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


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public List<ContentFilter> getContentFilters() {
        return Reads.of(this, "contentFilters", contentFilters);
    }

    public List<String> getPiiEntityTypes() {
        return Reads.of(this, "piiEntityTypes", piiEntityTypes);
    }

    public int getRegexFilterCount() {
        return Reads.of(this, "regexFilterCount", regexFilterCount);
    }

    public String getKmsKeyArn() {
        return Reads.of(this, "kmsKeyArn", kmsKeyArn);
    }

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
