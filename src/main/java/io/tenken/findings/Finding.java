package io.tenken.findings;

import java.util.Comparator;
import java.util.List;

/**
 * The verdict of one rule on one resource, with the evidence an auditor needs: what was
 * observed and what the rule expected. {@code title} is in the report's language.
 */
public record Finding(
        String ruleId,
        Status status,
        Severity severity,
        String service,
        List<String> concepts,
        String region,
        String resourceId,
        String title,
        String observed,
        String expected) {

    /** Report order: by rule, then region, then resource, so output is stable across runs. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::ruleId)
            .thenComparing(Finding::region)
            .thenComparing(Finding::resourceId)
            .thenComparing(Finding::status);
}
