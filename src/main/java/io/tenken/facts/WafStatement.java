package io.tenken.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * A WAF statement tree, reduced to what the checklist reasons about. Kinds: IP_SET,
 * IP_SET_FORWARDED (an IP set matched against a client-supplied header such as X-Forwarded-For),
 * GEO_MATCH, RATE_BASED, MANAGED_RULE_GROUP, RULE_GROUP, AND, OR, NOT, OTHER (anything else,
 * e.g. byte match: it narrows a rule in ways the scanner does not model).
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class WafStatement {
    String kind;
    String ipSetArn;
    List<String> countryCodes;
    Long rateLimit;
    String aggregateKeyType;
    String vendorName;
    String managedGroupName;
    /** Names of rules inside a managed group whose action is overridden to Count. */
    List<String> countOverriddenRules;
    /** Children of AND / OR / NOT; for RATE_BASED the optional scope-down statement. */
    List<WafStatement> children;

    @JsonIgnore
    public List<String> ipSetArnsDeep() {
        List<String> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(WafStatement s, List<String> out) {
        if (s.ipSetArn != null) {
            out.add(s.ipSetArn);
        }
        if (s.children != null) {
            s.children.forEach(c -> collect(c, out));
        }
    }
}
