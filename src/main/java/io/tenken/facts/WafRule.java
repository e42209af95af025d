package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** One rule of a web ACL, evaluated by WAF in ascending {@code priority}. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class WafRule {
    String webAclArn;
    String name;
    int priority;
    /** ALLOW, BLOCK, COUNT, CAPTCHA, CHALLENGE; null for rule-group references (see overrideAction). */
    String action;
    /** For managed / rule-group statements: NONE (the group's own actions apply) or COUNT. */
    String overrideAction;
    WafStatement statement;

    /** Every IP set this rule references anywhere in its statement tree. */
    @JsonIgnore // derived, not part of the snapshot
    public List<String> getIpSetArns() {
        return statement == null ? List.of() : statement.ipSetArnsDeep();
    }
}
