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
    /** AWS_KMS, EXTERNAL (imported material), AWS_CLOUDHSM or EXTERNAL_KEY_STORE: only AWS_KMS keys rotate automatically. */
    String origin;

    @Override
    public String getResourceId() {
        return arn;
    }
}
