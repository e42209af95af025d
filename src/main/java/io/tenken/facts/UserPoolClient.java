package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** A Cognito app client. Token validities keep the value and unit as AWS returns them. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class UserPoolClient implements Fallible {
    String userPoolId;
    String clientId;
    String clientName;
    String region;
    /** Null means unset: AWS then applies 60 minutes for access/ID and 30 days for refresh. */
    Integer accessTokenValidity;
    String accessTokenUnit;
    Integer idTokenValidity;
    String idTokenUnit;
    Integer refreshTokenValidity;
    String refreshTokenUnit;
    /** ENABLED or LEGACY; null when unset (= LEGACY). */
    String preventUserExistenceErrors;
    boolean enableTokenRevocation;
    String userPoolArn;
    /** The identity a template gives the client ({@code STACK/LOGICAL_ID}); null for a collected one. */
    String templateId;


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
    }

    public Integer getAccessTokenValidity() {
        return Reads.of(this, "accessTokenValidity", accessTokenValidity);
    }

    public String getAccessTokenUnit() {
        return Reads.of(this, "accessTokenUnit", accessTokenUnit);
    }

    public Integer getIdTokenValidity() {
        return Reads.of(this, "idTokenValidity", idTokenValidity);
    }

    public String getIdTokenUnit() {
        return Reads.of(this, "idTokenUnit", idTokenUnit);
    }

    public Integer getRefreshTokenValidity() {
        return Reads.of(this, "refreshTokenValidity", refreshTokenValidity);
    }

    public String getRefreshTokenUnit() {
        return Reads.of(this, "refreshTokenUnit", refreshTokenUnit);
    }

    public String getPreventUserExistenceErrors() {
        return Reads.of(this, "preventUserExistenceErrors", preventUserExistenceErrors);
    }

    public boolean isEnableTokenRevocation() {
        return Reads.of(this, "enableTokenRevocation", enableTokenRevocation);
    }

    @Override
    public String getResourceId() {
        if (templateId != null) {
            return templateId;
        }
        return (userPoolArn != null ? userPoolArn : userPoolId) + "/client/" + clientId;
    }

    /** Derived; a template marks it unknown with the validity or unit it comes from (pattern reads name it, not them). */
    @JsonIgnore // derived, not part of the snapshot
    public long getAccessTokenMinutes() {
        return Reads.of(this, "accessTokenMinutes", TokenDurations.minutes(getAccessTokenValidity(), getAccessTokenUnit(), 60, "hours"));
    }

    @JsonIgnore // derived, not part of the snapshot
    public long getIdTokenMinutes() {
        return Reads.of(this, "idTokenMinutes", TokenDurations.minutes(getIdTokenValidity(), getIdTokenUnit(), 60, "hours"));
    }

    @JsonIgnore // derived, not part of the snapshot
    public long getRefreshTokenMinutes() {
        return Reads.of(this, "refreshTokenMinutes", TokenDurations.minutes(getRefreshTokenValidity(), getRefreshTokenUnit(), 30L * 1440L, "days"));
    }
}
