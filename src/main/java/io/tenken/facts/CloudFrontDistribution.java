package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** A CloudFront distribution as ListDistributions summarises it. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class CloudFrontDistribution implements Fallible {
    String id;
    String arn;
    String domainName;
    List<String> aliases;
    boolean enabled;
    /** WAFv2 web ACL ARN (or classic WAF id); empty or null when none is attached. */
    String webAclId;
    /** The weakest over the default and every path cache behaviour: allow-all, redirect-to-https or https-only. */
    String viewerProtocolPolicy;
    /** e.g. TLSv1.2_2021; TLSv1 when the default CloudFront certificate is used. */
    String minimumProtocolVersion;
    boolean defaultCertificate;
    List<CloudFrontOrigin> origins;
    /** GetDistributionConfig Logging.Enabled (standard logging, legacy); null when not read. */
    Boolean standardLogging;
    /** GetDistributionConfig Logging.Bucket, e.g. logs.s3.amazonaws.com. */
    String standardLoggingBucket;
    /** RealtimeLogConfigArn of the default cache behaviour; null when none. */
    String realtimeLogConfigArn;
    /**
     * Standard logging v2: the CloudWatch Logs deliveries of this distribution's access logs (a
     * delivery source in us-east-1 whose resourceArns hold the distribution's ARN, log type
     * ACCESS_LOGS, and a delivery from it), each as "TYPE destination" (CWL, S3 or FH and the
     * destination resource's ARN); empty when there is none; null when the snapshot does not say
     * (written before Tenken read them).
     */
    List<String> accessLogDeliveries;


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public Boolean getStandardLogging() {
        return Reads.of(this, "standardLogging", standardLogging);
    }

    public String getStandardLoggingBucket() {
        return Reads.of(this, "standardLoggingBucket", standardLoggingBucket);
    }

    public List<String> getAliases() {
        return Reads.of(this, "aliases", aliases);
    }

    public boolean isEnabled() {
        return Reads.of(this, "enabled", enabled);
    }

    public String getWebAclId() {
        return Reads.of(this, "webAclId", webAclId);
    }

    public String getViewerProtocolPolicy() {
        return Reads.of(this, "viewerProtocolPolicy", viewerProtocolPolicy);
    }

    public String getMinimumProtocolVersion() {
        return Reads.of(this, "minimumProtocolVersion", minimumProtocolVersion);
    }

    public boolean isDefaultCertificate() {
        return Reads.of(this, "defaultCertificate", defaultCertificate);
    }

    public List<String> getAccessLogDeliveries() {
        return Reads.of(this, "accessLogDeliveries", accessLogDeliveries);
    }

    @Override
    public String getResourceId() {
        return arn;
    }

    @Override
    @JsonIgnore // derived, not part of the snapshot
    public String getRegion() {
        return GLOBAL;
    }
}
