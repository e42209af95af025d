package io.tenken.facts;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * An API call that failed after retries. Its presence turns every finding that depends on
 * the missing data into ERROR: the scanner never reports PASS for what it could not see.
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class CollectionError {
    /** Service key as in the snapshot's services map, e.g. cognito-idp, s3, wafv2. */
    String service;
    /** Region of the failed call, or "global". */
    String region;
    String operation;
    /** AWS error code, or the HTTP status class when the service sent none (e.g. "HTTP 403"). */
    String errorCode;
    String message;
    /** The resource whose data is missing, when the failure concerns one resource only. */
    String resourceId;
}
