package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** Account-wide settings: exactly one per snapshot. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class AccountSettings implements Fallible {
    String accountId;
    String partition;
    /** Account-level S3 block public access; null when not configured. */
    PublicAccessBlock s3PublicAccessBlock;
    /** IAM account password policy; null when the account has none. */
    IamPasswordPolicy iamPasswordPolicy;
    /** Regions where Bedrock is in use (models invoked or resources present). */
    List<String> bedrockRegionsInUse;


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public PublicAccessBlock getS3PublicAccessBlock() {
        return Reads.of(this, "s3PublicAccessBlock", s3PublicAccessBlock);
    }

    public IamPasswordPolicy getIamPasswordPolicy() {
        return Reads.of(this, "iamPasswordPolicy", iamPasswordPolicy);
    }

    public List<String> getBedrockRegionsInUse() {
        return Reads.of(this, "bedrockRegionsInUse", bedrockRegionsInUse);
    }

    @Override
    public String getResourceId() {
        return "arn:" + (partition == null ? "aws" : partition) + ":iam::" + accountId + ":root";
    }

    @Override
    @JsonIgnore // derived, not part of the snapshot
    public String getRegion() {
        return GLOBAL;
    }
}
