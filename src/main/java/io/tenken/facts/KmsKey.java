package io.tenken.facts;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A KMS key with its rotation status. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class KmsKey implements Resource {
    String keyId;
    String arn;
    String region;
    /** CUSTOMER or AWS. */
    String keyManager;
    /** Enabled, Disabled, PendingDeletion, ... */
    String keyState;
    /** SYMMETRIC_DEFAULT, RSA_2048, ...: rotation only applies to symmetric keys. */
    String keySpec;
    boolean rotationEnabled;

    @Override
    public String getResourceId() {
        return arn;
    }
}
