package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** A CloudTrail trail with its status and event selectors. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class Trail implements Fallible {
    String name;
    String arn;
    String homeRegion;
    boolean multiRegion;
    boolean organizationTrail;
    /** GetTrailStatus.IsLogging. */
    boolean logging;
    boolean logFileValidation;
    String kmsKeyId;
    String s3BucketName;
    /** DescribeTrails S3KeyPrefix: log files go under PREFIX/AWSLogs/ (AWSLogs/ without one); null when none. */
    String s3KeyPrefix;
    /** Management events recorded by the selectors. */
    boolean managementEvents;
    /** All, ReadOnly, WriteOnly (for management events). */
    String readWriteType;
    /** Data event resource types recorded, e.g. AWS::S3::Object, AWS::Bedrock::Model. */
    List<String> dataEventResourceTypes;
    /** DescribeTrails CloudWatchLogsLogGroupArn; null when the trail does not deliver to CloudWatch Logs. */
    String cloudWatchLogsLogGroupArn;
    /** GetTrailStatus LatestCloudWatchLogsDeliveryError; null when the last delivery succeeded. */
    String cloudWatchLogsDeliveryError;


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public boolean isLogging() {
        return Reads.of(this, "logging", logging);
    }

    public boolean isManagementEvents() {
        return Reads.of(this, "managementEvents", managementEvents);
    }

    public String getReadWriteType() {
        return Reads.of(this, "readWriteType", readWriteType);
    }

    public List<String> getDataEventResourceTypes() {
        return Reads.of(this, "dataEventResourceTypes", dataEventResourceTypes);
    }

    public String getCloudWatchLogsDeliveryError() {
        return Reads.of(this, "cloudWatchLogsDeliveryError", cloudWatchLogsDeliveryError);
    }

    public boolean isMultiRegion() {
        return Reads.of(this, "multiRegion", multiRegion);
    }

    public boolean isOrganizationTrail() {
        return Reads.of(this, "organizationTrail", organizationTrail);
    }

    public boolean isLogFileValidation() {
        return Reads.of(this, "logFileValidation", logFileValidation);
    }

    public String getKmsKeyId() {
        return Reads.of(this, "kmsKeyId", kmsKeyId);
    }

    public String getS3BucketName() {
        return Reads.of(this, "s3BucketName", s3BucketName);
    }

    public String getCloudWatchLogsLogGroupArn() {
        return Reads.of(this, "cloudWatchLogsLogGroupArn", cloudWatchLogsLogGroupArn);
    }

    @Override
    public String getResourceId() {
        return arn;
    }

    @Override
    @JsonIgnore // derived, not part of the snapshot
    public String getRegion() {
        return homeRegion;
    }
}
