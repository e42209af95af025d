package io.tenken;

import io.tenken.findings.Message;
import io.tenken.findings.MessageTexts;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.ReportMetadata;
import io.tenken.findings.RuleInfo;
import io.tenken.findings.Severity;
import io.tenken.findings.Status;
import io.tenken.findings.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports built directly from findings, for tests of the stages after evaluation. */
public final class TestReports {
    public static final String SHA = "0".repeat(64);

    private TestReports() {
    }

    public static Finding finding(String ruleId, Status status, Severity severity, String resourceId) {
        String service = ruleId.substring(0, ruleId.indexOf('-')).toLowerCase();
        return new Finding(ruleId, status, severity, service, List.of(service + ".concept"), "ap-northeast-1",
                resourceId, Message.of("test.observed", resourceId), Message.of("test.expected"));
    }

    public static Report report(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        for (Finding f : sorted) {
            rules.putIfAbsent(f.ruleId(), new RuleInfo(f.ruleId(), f.severity(), f.service(), f.concepts(),
                    List.of(f.service()), List.of("FSBP " + f.ruleId()), f.ruleId() + " title", "why " + f.ruleId(), "fix " + f.ruleId()));
        }
        ReportMetadata meta = new ReportMetadata("test", SHA, SHA, null, "123456789012", "aws",
                List.of("ap-northeast-1"), "2026-11-01T00:00:00Z", "arn:aws:iam::123456789012:role/t", "test", "en")
                .withRulePackVersion("test");
        return new Report(Report.SCHEMA_VERSION, meta, Summary.of(sorted), List.of(),
                List.copyOf(rules.values()), List.copyOf(sorted), texts(rules.keySet()));
    }

    /**
     * The bundled English texts plus "test.observed" ({0} shown as "observed {0}") and each rule's
     * title "&lt;id&gt; title".
     */
    public static MessageTexts texts(java.util.Collection<String> ruleIds) {
        Map<String, String> p = new java.util.TreeMap<>(TestTexts.patterns("en"));
        p.put("test.observed", "observed {0}");
        p.put("test.expected", "expected");
        ruleIds.forEach(id -> p.put(id + ".title", id + " title"));
        return new MessageTexts("en", p);
    }
}
