package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/**
 * Bedrock model invocation logging in one region (GetModelInvocationLoggingConfiguration).
 * A region without configuration is collected as {@code configured == false}.
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class BedrockLoggingConfig implements Fallible {
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


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

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
