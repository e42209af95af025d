package io.tenken.findings;

import java.util.Comparator;
import java.util.List;

/**
 * The verdict of one rule on one resource, with the evidence an auditor needs: what was
 * observed and what the rule expected, as messages a renderer formats in the report's language
 * ({@link MessageTexts}); the rule's title comes from the same texts by {@code ruleId}.
 */
public record Finding(
        String ruleId,
        Status status,
        Severity severity,
        String service,
        List<String> concepts,
        String region,
        String resourceId,
        Message observed,
        Message expected,
        AppliedWaiver waiver,
        SourceLocation location) {

    /** A finding no waiver applies to (what the evaluator produces). */
    public Finding(String ruleId, Status status, Severity severity, String service, List<String> concepts,
                   String region, String resourceId, Message observed, Message expected) {
        this(ruleId, status, severity, service, concepts, region, resourceId, observed, expected, null, null);
    }

    public Finding(String ruleId, Status status, Severity severity, String service, List<String> concepts,
                   String region, String resourceId, Message observed, Message expected, AppliedWaiver waiver) {
        this(ruleId, status, severity, service, concepts, region, resourceId, observed, expected, waiver, null);
    }

    /** This FAIL, waived by {@code w}. */
    public Finding waivedBy(AppliedWaiver w) {
        return new Finding(ruleId, Status.WAIVED, severity, service, concepts, region, resourceId, observed,
                expected, w, location);
    }

    /** This finding, pointing at where its resource is declared (template findings). */
    public Finding at(SourceLocation where) {
        return new Finding(ruleId, status, severity, service, concepts, region, resourceId, observed,
                expected, waiver, where);
    }

    /** The identity of a finding across runs and reports: rule id and resource id. */
    public String key() {
        return ruleId + "\u0000" + resourceId;
    }

    /** Report order: by rule, then region, then resource, so output is stable across runs. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::ruleId)
            .thenComparing(Finding::region)
            .thenComparing(Finding::resourceId)
            .thenComparing(Finding::status);
}
