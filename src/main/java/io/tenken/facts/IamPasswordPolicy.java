package io.tenken.facts;

import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** The IAM account password policy (GetAccountPasswordPolicy). */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class IamPasswordPolicy {
    int minimumPasswordLength;
    boolean requireUppercase;
    boolean requireLowercase;
    boolean requireNumbers;
    boolean requireSymbols;
    Integer maxPasswordAge;
    Integer passwordReusePrevention;
}
