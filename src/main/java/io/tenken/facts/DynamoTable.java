package io.tenken.facts;

import lombok.With;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A DynamoDB table (DescribeTable) with its continuous backups (DescribeContinuousBackups). */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class DynamoTable implements Fallible {
    String name;
    String arn;
    String region;
    boolean deletionProtection;
    /** PointInTimeRecoveryStatus: ENABLED or DISABLED. */
    String pointInTimeRecovery;

    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public String getPointInTimeRecovery() {
        return Reads.of(this, "pointInTimeRecovery", pointInTimeRecovery);
    }

    public boolean isDeletionProtection() {
        return Reads.of(this, "deletionProtection", deletionProtection);
    }

    @Override
    public String getResourceId() {
        return arn;
    }
}
