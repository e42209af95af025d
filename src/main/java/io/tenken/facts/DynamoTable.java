package io.tenken.facts;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A DynamoDB table (DescribeTable) with its continuous backups (DescribeContinuousBackups). */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class DynamoTable implements Resource {
    String name;
    String arn;
    String region;
    boolean deletionProtection;
    /** PointInTimeRecoveryStatus: ENABLED or DISABLED. */
    String pointInTimeRecovery;

    @Override
    public String getResourceId() {
        return arn;
    }
}
