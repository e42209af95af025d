package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** An IAM user, role or group, with the policies attached to it (by ARN). */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class IamPrincipal implements Fallible {
    String arn;
    String name;
    /** USER, ROLE or GROUP. */
    String type;
    String path;
    /** Managed policy ARNs attached directly. Inline policies are IamPolicy facts with kind INLINE. */
    List<String> attachedPolicyArns;
    /** For users: the groups they belong to (group ARNs). */
    List<String> groupArns;
    /** For roles: the trust policy's service principals, e.g. lambda.amazonaws.com. */
    List<String> trustedServices;
    /** For roles: the trust policy (AssumeRolePolicyDocument) as JSON. */
    String trustPolicyJson;
    int mfaDeviceCount;


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public int getMfaDeviceCount() {
        return Reads.of(this, "mfaDeviceCount", mfaDeviceCount);
    }

    public List<String> getTrustedServices() {
        return Reads.of(this, "trustedServices", trustedServices);
    }

    public List<String> getAttachedPolicyArns() {
        return Reads.of(this, "attachedPolicyArns", attachedPolicyArns);
    }

    public List<String> getGroupArns() {
        return Reads.of(this, "groupArns", groupArns);
    }

    public String getTrustPolicyJson() {
        return Reads.of(this, "trustPolicyJson", trustPolicyJson);
    }

    public String getPath() {
        return Reads.of(this, "path", path);
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
