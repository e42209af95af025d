package io.tenken.facts;

import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * The status of one security service (securityhub, guardduty, macie2, inspector2) in one
 * region, as its own API reports it. Collected for every scanned region, enabled or not.
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class SecurityService implements Resource {
    /** Service key: securityhub, guardduty, macie2 or inspector2. */
    String service;
    String accountId;
    String region;
    boolean enabled;
    /** The service's own status word (ENABLED, PAUSED, DISABLED, ...); null when not enabled. */
    String status;
    /**
     * What is switched on inside the service: Security Hub standards ARNs (READY ones), GuardDuty
     * features with status ENABLED (e.g. LAMBDA_NETWORK_LOGS), Inspector resource types with status
     * ENABLED (EC2, ECR, LAMBDA, LAMBDA_CODE).
     */
    List<String> features;

    @Override
    public String getResourceId() {
        return service + ":" + accountId + ":" + region;
    }
}
