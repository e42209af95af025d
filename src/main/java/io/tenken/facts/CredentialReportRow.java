package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.With;
import lombok.extern.jackson.Jacksonized;

/** One row of the IAM credential report. Timestamps are ISO-8601 strings or null ("N/A"). */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class CredentialReportRow implements Fallible {
    String user;
    String arn;
    boolean root;
    String userCreationTime;
    boolean passwordEnabled;
    String passwordLastUsed;
    boolean mfaActive;
    boolean accessKey1Active;
    String accessKey1LastUsed;
    String accessKey1LastRotated;
    boolean accessKey2Active;
    String accessKey2LastUsed;
    String accessKey2LastRotated;


    /** Fields whose value is not known, and why (see {@link Fallible}); empty when all are known. */
    @With
    @Builder.Default
    Map<String, Unknown> unknown = Map.of();

    @Override
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, Unknown> getUnknown() {
        return unknown;
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
