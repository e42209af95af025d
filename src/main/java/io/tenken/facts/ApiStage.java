package io.tenken.facts;

import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** An API Gateway REST API stage (GetStages) with its web ACL and logging settings. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class ApiStage implements Resource {
    String restApiId;
    String apiName;
    String stageName;
    String region;
    /** The web ACL AWS reports for the stage; null when none is associated. */
    String webAclArn;
    /** Execution logging level of the stage-wide method setting (*&#47;*): OFF, ERROR or INFO; null when unset (OFF). */
    String loggingLevel;
    /** Method settings ("path/METHOD") that turn execution logging OFF below a stage-wide level. */
    List<String> loggingOffFor;
    /** CloudWatch Logs (or Firehose) destination of access logs; null when access logging is off. */
    String accessLogDestinationArn;

    @Override
    public String getResourceId() {
        return "arn:aws:apigateway:" + region + "::/restapis/" + restApiId + "/stages/" + stageName;
    }
}
