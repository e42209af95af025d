package io.tenken.facts;

import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** A Cognito user pool (DescribeUserPool + GetUserPoolMfaConfig). Absent settings stay null. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class UserPool implements Resource {
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

    @Override
    public String getResourceId() {
        return arn != null ? arn : id;
    }
}
