package io.tenken.findings;

import java.util.List;

/**
 * Everything a report format renders: the boundary between evaluation and rendering. A plain
 * value, so every renderer sees the same data and JSON output is a pure function of it.
 */
public record Report(
        int schemaVersion,
        ReportMetadata metadata,
        Summary summary,
        List<ServiceCoverage> coverage,
        List<RuleInfo> rules,
        List<Finding> findings) {

    public static final int SCHEMA_VERSION = 1;
}
