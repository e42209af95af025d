package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * Bedrock model invocation logging in one region (GetModelInvocationLoggingConfiguration).
 * A region without configuration is collected as {@code configured == false}.
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class BedrockLoggingConfig implements Resource {
    String accountId;
    String region;
    boolean configured;
    String cloudWatchLogGroupName;
    String cloudWatchRoleArn;
    String s3BucketName;
    String s3KeyPrefix;
    boolean textDataDelivery;
    boolean imageDataDelivery;
    boolean embeddingDataDelivery;
    boolean videoDataDelivery;

    @Override
    public String getResourceId() {
        return "arn:aws:bedrock:" + region + ":" + accountId + ":model-invocation-logging";
    }

    @JsonIgnore // derived, not part of the snapshot
    public boolean isHasDestination() {
        return notBlank(cloudWatchLogGroupName) || notBlank(s3BucketName);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
