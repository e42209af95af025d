package io.tenken.engine;

import io.tenken.Version;
import io.tenken.facts.CollectionError;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.ReportMetadata;
import io.tenken.findings.ServiceCoverage;
import io.tenken.findings.Summary;
import io.tenken.policy.Policy;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.ServiceStatus;
import io.tenken.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Snapshot + rule pack + policy → {@link Report}: the whole offline evaluation in one call. */
public final class Assessment {
    private Assessment() {
    }

    public static Report assess(LoadedSnapshot loaded, RulePack pack, Policy policy, String policySha256,
                                String lang) {
        Snapshot s = loaded.snapshot();
        List<Finding> findings = located(s, AccountLevelRules.apply(s, new Evaluator(pack).evaluate(s, policy)));
        List<String> regions = s.getRegions() == null ? List.of() : new ArrayList<>(new TreeSet<>(s.getRegions()));
        ReportMetadata meta = new ReportMetadata(Version.get(), pack.sha256(), loaded.sha256(), policySha256,
                s.getAccountId(), s.getPartition(), regions, s.getCollectedAt(), s.getCallerArn(),
                s.getToolVersion(), lang).withRulePackVersion(pack.version());
        return new Report(Report.SCHEMA_VERSION, meta, Summary.of(findings), coverage(s, pack),
                pack.catalog(lang), findings, pack.messages().texts(lang));
    }

    /** Findings about template resources point at the file, line and construct that declare them. */
    static List<Finding> located(Snapshot s, List<Finding> findings) {
        if (!s.isFromTemplate()) {
            return findings;
        }
        Map<String, io.tenken.findings.SourceLocation> where = new java.util.HashMap<>();
        for (io.tenken.snapshot.TemplateResource r : s.getSource().getResources()) {
            where.put(r.getResourceId(), new io.tenken.findings.SourceLocation(r.getFile(), r.getLine(), r.getStack(),
                    r.getLogicalId(), r.getCdkPath(), r.getDefaults()));
        }
        // Account- and region-level findings are about no one resource: they point at the first
        // stack's template, so every finding of a template run has a file and line.
        String first = s.getSource().getTemplates().isEmpty() ? "" : s.getSource().getTemplates().get(0);
        io.tenken.findings.SourceLocation deployment = new io.tenken.findings.SourceLocation(first, 1,
                s.getSource().getStacks().isEmpty() ? "" : s.getSource().getStacks().get(0), null, null, List.of());
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            io.tenken.findings.SourceLocation l = where.get(f.resourceId());
            out.add(f.at(l == null ? deployment : l));
        }
        return List.copyOf(out);
    }

    /**
     * One row per service the snapshot has, the rules need, or an error names; a needed,
     * missing one shows NOT_COLLECTED.
     */
    static List<ServiceCoverage> coverage(Snapshot s, RulePack pack) {
        Map<String, ServiceCoverage> rows = new TreeMap<>();
        Map<String, Integer> errorCounts = new TreeMap<>();
        for (CollectionError e : s.getErrors()) {
            errorCounts.merge(e.getService(), 1, Integer::sum);
        }
        s.getServices().forEach((name, st) -> rows.put(name, row(name, st, errorCounts.getOrDefault(name, 0))));
        for (RuleMetadata r : pack.rules()) {
            for (String service : r.requires()) {
                rows.computeIfAbsent(service, n -> new ServiceCoverage(n, "NOT_COLLECTED", List.of(), 0, 0,
                        errorCounts.getOrDefault(n, 0)));
            }
        }
        // Every recorded error shows, even for a service no current rule reads: the exit code
        // (3) is decided from this table, so scan and evaluate of its snapshot agree.
        errorCounts.forEach((n, count) -> rows.computeIfAbsent(n, k -> new ServiceCoverage(k, "FAILED", List.of(), 0, 0, count)));
        return List.copyOf(rows.values());
    }

    private static ServiceCoverage row(String name, ServiceStatus st, int errors) {
        List<String> regions = st.getRegions() == null ? List.of() : new ArrayList<>(new TreeSet<>(st.getRegions()));
        return new ServiceCoverage(name, st.getStatus(), regions, st.getApiCalls(), st.getElapsedMs(), errors);
    }
}
