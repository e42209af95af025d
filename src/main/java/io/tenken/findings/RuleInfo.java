package io.tenken.findings;

import java.util.List;

/** A rule of the pack as reports show it: metadata plus texts in the report's language. */
public record RuleInfo(
        String id,
        Severity severity,
        String service,
        List<String> concepts,
        List<String> requires,
        String title,
        String rationale,
        String remediation) {
}
