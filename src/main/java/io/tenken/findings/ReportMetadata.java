package io.tenken.findings;

import java.util.List;

/**
 * Evidence of what was judged and by what: fingerprints of every input, so an auditor can
 * tie a report to one snapshot, one rule pack and one policy. No wall-clock time of the
 * evaluation itself, so the same inputs give the same bytes.
 */
public record ReportMetadata(
        String toolVersion,
        String rulePackSha256,
        String snapshotSha256,
        String policySha256,
        String accountId,
        String partition,
        List<String> regions,
        String collectedAt,
        String callerArn,
        String snapshotToolVersion,
        String lang) {
}
