package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** Account-wide settings: exactly one per snapshot. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class AccountSettings implements Resource {
    String accountId;
    String partition;
    /** Account-level S3 block public access; null when not configured. */
    PublicAccessBlock s3PublicAccessBlock;
    /** IAM account password policy; null when the account has none. */
    IamPasswordPolicy iamPasswordPolicy;
    /** Regions where Bedrock is in use (models invoked or resources present). */
    List<String> bedrockRegionsInUse;

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
