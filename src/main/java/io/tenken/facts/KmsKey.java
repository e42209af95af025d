package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** A KMS key with its rotation status. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class KmsKey implements Fallible {
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
    /**
     * The key policy (GetKeyPolicy, policy name "default") of customer managed keys; null for
     * AWS managed keys, whose policies AWS writes and the account cannot change.
     */
    String policyJson;


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public boolean isRotationEnabled() {
        return Reads.of(this, "rotationEnabled", rotationEnabled);
    }

    public String getPolicyJson() {
        return Reads.of(this, "policyJson", policyJson);
    }

    public String getKeyState() {
        return Reads.of(this, "keyState", keyState);
    }

    public String getKeySpec() {
        return Reads.of(this, "keySpec", keySpec);
    }

    public String getOrigin() {
        return Reads.of(this, "origin", origin);
    }

    @Override
    public String getResourceId() {
        return arn;
    }
}
