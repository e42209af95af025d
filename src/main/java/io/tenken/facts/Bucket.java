package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** An S3 bucket with the settings the checklist looks at; null means "not configured". */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class Bucket implements Fallible {
    String name;
    String arn;
    String region;
    /** Default encryption: AES256, aws:kms, aws:kms:dsse; null when no configuration exists. */
    String encryptionAlgorithm;
    String kmsKeyId;
    boolean bucketKeyEnabled;
    /** Bucket-level block public access; null when the bucket has no configuration. */
    PublicAccessBlock publicAccessBlock;
    /** The bucket policy document as returned; null when there is none. */
    String policyJson;
    /** Enabled, Suspended, or null when never enabled. */
    String versioning;
    boolean objectLockEnabled;
    /** Smallest expiration (days) over enabled lifecycle rules; null when nothing expires. */
    Integer lifecycleExpirationDays;
    /**
     * The enabled and disabled lifecycle rules that expire current objects after some days, with
     * their filters; empty when none; null when not read (a snapshot older than this field).
     */
    List<LifecycleExpiration> lifecycleExpirations;
    String accessLogTargetBucket;
    /** GetBucketLogging TargetPrefix: where this bucket's access logs go in the target bucket ("" for the root). */
    String accessLogTargetPrefix;
    Map<String, String> tags;
    /**
     * GetBucketOwnershipControls: BucketOwnerEnforced (ACLs disabled), BucketOwnerPreferred or
     * ObjectWriter; null when the bucket has no ownership controls (ACLs in effect).
     */
    String objectOwnership;
    /** The bucket owner's canonical user id (GetBucketAcl); null when the ACL was not read. */
    String ownerCanonicalId;
    /**
     * The bucket ACL's grants (GetBucketAcl); null when not read because object ownership is
     * BucketOwnerEnforced: S3 then ignores ACLs, so they grant nothing.
     */
    List<AclGrant> aclGrants;


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public String getEncryptionAlgorithm() {
        return Reads.of(this, "encryptionAlgorithm", encryptionAlgorithm);
    }

    public String getKmsKeyId() {
        return Reads.of(this, "kmsKeyId", kmsKeyId);
    }

    public boolean isBucketKeyEnabled() {
        return Reads.of(this, "bucketKeyEnabled", bucketKeyEnabled);
    }

    public PublicAccessBlock getPublicAccessBlock() {
        return Reads.of(this, "publicAccessBlock", publicAccessBlock);
    }

    public String getPolicyJson() {
        return Reads.of(this, "policyJson", policyJson);
    }

    public String getVersioning() {
        return Reads.of(this, "versioning", versioning);
    }

    public boolean isObjectLockEnabled() {
        return Reads.of(this, "objectLockEnabled", objectLockEnabled);
    }

    public Integer getLifecycleExpirationDays() {
        return Reads.of(this, "lifecycleExpirationDays", lifecycleExpirationDays);
    }

    public List<LifecycleExpiration> getLifecycleExpirations() {
        return Reads.of(this, "lifecycleExpirations", lifecycleExpirations);
    }

    public String getAccessLogTargetPrefix() {
        return Reads.of(this, "accessLogTargetPrefix", accessLogTargetPrefix);
    }

    public String getAccessLogTargetBucket() {
        return Reads.of(this, "accessLogTargetBucket", accessLogTargetBucket);
    }

    public Map<String, String> getTags() {
        return Reads.of(this, "tags", tags);
    }

    public String getObjectOwnership() {
        return Reads.of(this, "objectOwnership", objectOwnership);
    }

    public String getOwnerCanonicalId() {
        return Reads.of(this, "ownerCanonicalId", ownerCanonicalId);
    }

    public List<AclGrant> getAclGrants() {
        return Reads.of(this, "aclGrants", aclGrants);
    }

    @Override
    public String getResourceId() {
        return arn != null ? arn : "arn:aws:s3:::" + name;
    }
}
