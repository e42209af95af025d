package io.tenken.findings;

import java.util.List;

/** A rule of the pack as reports show it: metadata plus texts in the report's language. */
public record RuleInfo(
        String id,
        Severity severity,
        String service,
        List<String> concepts,
        List<String> requires,
        /** Equivalent controls elsewhere: "FSBP Cognito.1", "CIS 3.1", "Prowler cloudtrail_multi_region_enabled". */
        List<String> references,
        String title,
        String rationale,
        String remediation) {
}
