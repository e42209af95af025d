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
        String lang,
        String rulePackVersion,
        String waiversSha256,
        String asOf) {

    /** Metadata of a plain evaluation: no waiver file, no evaluation date. */
    public ReportMetadata(String toolVersion, String rulePackSha256, String snapshotSha256, String policySha256,
                          String accountId, String partition, List<String> regions, String collectedAt,
                          String callerArn, String snapshotToolVersion, String lang) {
        this(toolVersion, rulePackSha256, snapshotSha256, policySha256, accountId, partition, regions, collectedAt,
                callerArn, snapshotToolVersion, lang, null, null, null);
    }

    public ReportMetadata withRulePackVersion(String v) {
        return new ReportMetadata(toolVersion, rulePackSha256, snapshotSha256, policySha256, accountId, partition,
                regions, collectedAt, callerArn, snapshotToolVersion, lang, v, waiversSha256, asOf);
    }

    /**
     * The waiver file's sha256 and the evaluation date its expiries were judged on. Both are inputs,
     * so they are recorded: the same snapshot, rules, policy, waivers and date give the same bytes.
     */
    public ReportMetadata withWaivers(String sha256, String evaluationDate) {
        return new ReportMetadata(toolVersion, rulePackSha256, snapshotSha256, policySha256, accountId, partition,
                regions, collectedAt, callerArn, snapshotToolVersion, lang, rulePackVersion, sha256, evaluationDate);
    }
}
