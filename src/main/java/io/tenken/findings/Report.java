package io.tenken.findings;

import java.util.List;

/**
 * Everything a report format renders: the boundary between evaluation and rendering. A plain
 * value, so every renderer sees the same data and JSON output is a pure function of it.
 * {@code texts} are the message patterns of the report's language ({@code metadata.lang}):
 * findings carry message keys and arguments, and each renderer formats them with these.
 */
public record Report(
        int schemaVersion,
        ReportMetadata metadata,
        Summary summary,
        List<ServiceCoverage> coverage,
        List<RuleInfo> rules,
        List<Finding> findings,
        List<WaiverStatus> waivers,
        ReportDiff diff,
        MessageTexts texts) {

    /** 3: evidence as message key + arguments beside the rendered text. 2: WAIVED status, waivers and diff sections, rulePackVersion / waiversSha256 / asOf metadata. */
    public static final int SCHEMA_VERSION = 3;

    /** A report without waivers or baseline (what evaluation alone produces). */
    public Report(int schemaVersion, ReportMetadata metadata, Summary summary, List<ServiceCoverage> coverage,
                  List<RuleInfo> rules, List<Finding> findings, MessageTexts texts) {
        this(schemaVersion, metadata, summary, coverage, rules, findings, List.of(), null, texts);
    }

    /** A finding's rule title in the report's language. */
    public String title(Finding f) {
        return texts.title(f.ruleId());
    }

    /** Evidence in the report's language. */
    public String text(Message m) {
        return texts.text(m);
    }

    public Report withMetadata(ReportMetadata m) {
        return new Report(schemaVersion, m, summary, coverage, rules, findings, waivers, diff, texts);
    }

    /** New findings (summary recomputed) and the waiver section that produced them. */
    public Report withFindings(List<Finding> newFindings, List<WaiverStatus> newWaivers) {
        return new Report(schemaVersion, metadata, Summary.of(newFindings), coverage, rules, newFindings,
                newWaivers, diff, texts);
    }

    /** Only some rules judged (a check selection): their rules, findings and services; summary recomputed. */
    public Report withSelection(List<RuleInfo> newRules, List<Finding> newFindings, List<ServiceCoverage> newCoverage) {
        return new Report(schemaVersion, metadata, Summary.of(newFindings), newCoverage, newRules, newFindings,
                waivers, diff, texts);
    }

    public Report withDiff(ReportDiff d) {
        return new Report(schemaVersion, metadata, summary, coverage, rules, findings, waivers, d, texts);
    }
}
