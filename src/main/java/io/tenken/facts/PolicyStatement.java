package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * One statement of an IAM policy document, normalised: Action / NotAction and Resource /
 * NotResource are always lists (a single string becomes a one-element list).
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class PolicyStatement {
    String policyArn;
    /** Position in the document, so statements without Sid stay distinguishable. */
    int index;
    String sid;
    /** Allow or Deny. */
    String effect;
    List<String> actions;
    List<String> notActions;
    List<String> resources;
    List<String> notResources;
    /** The Condition block as JSON; null when the statement is unconditional. */
    String conditionJson;

    @JsonIgnore // derived, not part of the snapshot
    public boolean isConditional() {
        return conditionJson != null && !conditionJson.isBlank() && !"{}".equals(conditionJson.trim());
    }
}
