package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** A Cognito user pool (DescribeUserPool + GetUserPoolMfaConfig). Absent settings stay null. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class UserPool implements Fallible {
    String id;
    String arn;
    String name;
    String region;
    /** AdminCreateUserConfig.AllowAdminCreateUserOnly: false means anyone can sign up. */
    boolean allowAdminCreateUserOnly;
    /** LambdaConfig.PreSignUp, e.g. GenU's allowed-email-domain check. */
    String preSignUpLambdaArn;
    Integer passwordMinLength;
    boolean requireUppercase;
    boolean requireLowercase;
    boolean requireNumbers;
    boolean requireSymbols;
    Integer temporaryPasswordValidityDays;
    /** OFF, ON or OPTIONAL, as GetUserPoolMfaConfig reports it. */
    String mfaConfiguration;
    boolean totpMfaEnabled;
    boolean smsMfaEnabled;
    /** UserPoolAddOns.AdvancedSecurityMode: OFF, AUDIT, ENFORCED, or null when unset. */
    String advancedSecurityMode;
    /** ACTIVE, INACTIVE, or null when unset (= inactive). */
    String deletionProtection;
    Map<String, String> tags;
    /** The regional web ACL associated with the pool (wafv2 GetWebACLForResource); null when none. */
    String webAclArn;


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public String getWebAclArn() {
        return Reads.of(this, "webAclArn", webAclArn);
    }

    public String getMfaConfiguration() {
        return Reads.of(this, "mfaConfiguration", mfaConfiguration);
    }

    public boolean isTotpMfaEnabled() {
        return Reads.of(this, "totpMfaEnabled", totpMfaEnabled);
    }

    public boolean isSmsMfaEnabled() {
        return Reads.of(this, "smsMfaEnabled", smsMfaEnabled);
    }

    public boolean isAllowAdminCreateUserOnly() {
        return Reads.of(this, "allowAdminCreateUserOnly", allowAdminCreateUserOnly);
    }

    public String getPreSignUpLambdaArn() {
        return Reads.of(this, "preSignUpLambdaArn", preSignUpLambdaArn);
    }

    public Integer getPasswordMinLength() {
        return Reads.of(this, "passwordMinLength", passwordMinLength);
    }

    public boolean isRequireUppercase() {
        return Reads.of(this, "requireUppercase", requireUppercase);
    }

    public boolean isRequireLowercase() {
        return Reads.of(this, "requireLowercase", requireLowercase);
    }

    public boolean isRequireNumbers() {
        return Reads.of(this, "requireNumbers", requireNumbers);
    }

    public boolean isRequireSymbols() {
        return Reads.of(this, "requireSymbols", requireSymbols);
    }

    public Integer getTemporaryPasswordValidityDays() {
        return Reads.of(this, "temporaryPasswordValidityDays", temporaryPasswordValidityDays);
    }

    public String getAdvancedSecurityMode() {
        return Reads.of(this, "advancedSecurityMode", advancedSecurityMode);
    }

    public String getDeletionProtection() {
        return Reads.of(this, "deletionProtection", deletionProtection);
    }

    public Map<String, String> getTags() {
        return Reads.of(this, "tags", tags);
    }

    @Override
    public String getResourceId() {
        return arn != null ? arn : id;
    }
}
