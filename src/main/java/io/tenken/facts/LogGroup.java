package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** A CloudWatch Logs log group. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class LogGroup implements Fallible {
    String name;
    String arn;
    String region;
    /** Null means "never expire". */
    Integer retentionDays;
    String kmsKeyId;
    long storedBytes;


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public Integer getRetentionDays() {
        return Reads.of(this, "retentionDays", retentionDays);
    }

    public String getKmsKeyId() {
        return Reads.of(this, "kmsKeyId", kmsKeyId);
    }

    @Override
    public String getResourceId() {
        return arn;
    }
}
