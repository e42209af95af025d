package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A CloudTrail trail with its status and event selectors. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class Trail implements Resource {
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
