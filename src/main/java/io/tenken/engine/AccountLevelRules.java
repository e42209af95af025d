package io.tenken.engine;

import io.tenken.findings.Finding;
import io.tenken.findings.Message;
import io.tenken.findings.Status;
import io.tenken.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rules that judge the account rather than the resources a deployment declares: the account
 * public access block, IAM account settings and credentials, Bedrock invocation logging,
 * CloudTrail, and what needs them (log and audit buckets found through trails, the region
 * allowlist over every service, the security services). A template cannot show any of it, so on
 * a template snapshot without an account snapshot their findings are ERROR, never PASS or FAIL
 * (except a finding on a trail or bucket the templates declare, for the per-resource rules); with
 * {@code --account-snapshot} they are judged on the live account's facts.
 */
public final class AccountLevelRules {
    /** The rules; why each cannot be decided from a template is the message {@link #messageKey}. */
    public static final Set<String> RULES = Set.of("S3-03", "S3-06", "S3-07", "IAM-04", "IAM-05", "IAM-06", "IAM-07",
            "BEDROCK-01", "BEDROCK-02", "CLOUDTRAIL-01", "CLOUDTRAIL-02", "CLOUDTRAIL-03", "CLOUDTRAIL-04",
            "CLOUDTRAIL-05", "CLOUDTRAIL-06", "CLOUDTRAIL-07", "REGION-01", "SECURITY-01", "SECURITY-02", "SECURITY-03",
            "SECURITY-04", "SECURITY-05", "MONITORING-01", "MONITORING-02");
    /**
     * Of those, the rules that judge one trail or bucket each: a finding on a trail or bucket the
     * templates declare is decided by the templates (its settings are all there); only the
     * account's other trails and buckets need the account snapshot.
     */
    static final Set<String> PER_DECLARED_RESOURCE = Set.of("CLOUDTRAIL-02", "CLOUDTRAIL-03", "CLOUDTRAIL-06",
            "CLOUDTRAIL-07", "S3-06", "S3-07");

    /**
     * Of those, the rules whose PASS a template can decide: the alarms the templates define watch
     * every stage or function (alarms the account has can only add to that). A FAIL needs the
     * account's alarms.
     */
    static final Set<String> PASS_FROM_TEMPLATE = Set.of("MONITORING-01", "MONITORING-02");

    private AccountLevelRules() {
    }

    /** The message key of the reason, in {@code rules/messages_<lang>.properties}. */
    public static String messageKey(String ruleId) {
        return "template.account-level." + ruleId;
    }

    public static boolean isAccountLevel(String ruleId) {
        return RULES.contains(ruleId);
    }

    /** On a template snapshot with no account facts: account-level findings become ERROR. */
    static List<Finding> apply(Snapshot s, List<Finding> findings) {
        if (!s.isFromTemplate() || s.getSource().getAccountSnapshotSha256() != null) {
            return findings;
        }
        Set<String> declared = new java.util.HashSet<>();
        s.getSource().getResources().forEach(r -> declared.add(r.getResourceId()));
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            // An ERROR of an account-level check (e.g. its service "not collected") is reported
            // for its real reason: the template cannot show it.
            if (!RULES.contains(f.ruleId())
                    || PER_DECLARED_RESOURCE.contains(f.ruleId()) && declared.contains(f.resourceId())
                    || PASS_FROM_TEMPLATE.contains(f.ruleId()) && f.status() == Status.PASS) {
                out.add(f);
            } else {
                out.add(new Finding(f.ruleId(), Status.ERROR, f.severity(), f.service(), f.concepts(), f.region(),
                        f.resourceId(), Message.of("engine.not-in-template", Message.of(messageKey(f.ruleId()))),
                        f.expected(), f.waiver(), f.location()));
            }
        }
        return out;
    }
}
