package io.tenken.facts;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** One origin of a CloudFront distribution, as ListDistributions summarises it. */
@Value
@Builder
@Jacksonized
public class CloudFrontOrigin {
    String id;
    String domainName;
    /** OriginAccessControlId; null or empty when the origin has none. */
    String originAccessControlId;
    /** S3OriginConfig.OriginAccessIdentity (legacy OAI); null when the origin is not an S3 REST origin. */
    String originAccessIdentity;
    /** True when the origin is configured as an S3 origin (S3OriginConfig present). */
    boolean s3OriginConfig;
}
