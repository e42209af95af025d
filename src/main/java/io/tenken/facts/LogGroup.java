package io.tenken.facts;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A CloudWatch Logs log group. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class LogGroup implements Resource {
    String name;
    String arn;
    String region;
    /** Null means "never expire". */
    Integer retentionDays;
    String kmsKeyId;
    long storedBytes;

    @Override
    public String getResourceId() {
        return arn;
    }
}
