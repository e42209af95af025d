package io.tenken.facts;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import lombok.Builder;
import lombok.With;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** An API Gateway REST API stage (GetStages) with its web ACL and logging settings. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class ApiStage implements Fallible {
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
    /** The identity a template gives it ({@code STACK/LOGICAL_ID}); null for a collected one. */
    String templateId;

    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public String getLoggingLevel() {
        return Reads.of(this, "loggingLevel", loggingLevel);
    }

    public List<String> getLoggingOffFor() {
        return Reads.of(this, "loggingOffFor", loggingOffFor);
    }

    public String getAccessLogDestinationArn() {
        return Reads.of(this, "accessLogDestinationArn", accessLogDestinationArn);
    }

    @Override
    public String getResourceId() {
        if (templateId != null) {
            return templateId;
        }
        return "arn:aws:apigateway:" + region + "::/restapis/" + restApiId + "/stages/" + stageName;
    }
}
