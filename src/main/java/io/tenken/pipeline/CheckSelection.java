package io.tenken.pipeline;

import io.tenken.InvalidInputException;
import io.tenken.Names;
import io.tenken.engine.RuleMetadata;
import io.tenken.engine.RulePack;
import io.tenken.findings.Finding;
import io.tenken.findings.Report;
import io.tenken.findings.RuleInfo;
import io.tenken.findings.ServiceCoverage;
import io.tenken.findings.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which checks a run judges (Prowler's {@code --checks}, {@code --excluded-checks},
 * {@code --services}, {@code --severity}): a rule is selected when it is named by {@code checks}
 * (or none are named), is not in {@code excluded}, belongs to one of {@code services} and has one
 * of {@code severities} (an empty list means any). A scan collects only the services the selected
 * rules need; the report holds only their findings, rules and services.
 */
public record CheckSelection(List<String> checks, List<String> excluded, List<String> services,
                             List<Severity> severities) {
    public CheckSelection {
        checks = checks == null ? List.of() : List.copyOf(checks);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        services = services == null ? List.of() : services.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        severities = severities == null ? List.of() : List.copyOf(severities);
    }

    public static CheckSelection all() {
        return new CheckSelection(List.of(), List.of(), List.of(), List.of());
    }

    public boolean isAll() {
        return checks.isEmpty() && excluded.isEmpty() && services.isEmpty() && severities.isEmpty();
    }

    public boolean selects(String id, String service, Severity severity) {
        return (checks.isEmpty() || checks.contains(id)) && !excluded.contains(id)
                && (services.isEmpty() || services.contains(service))
                && (severities.isEmpty() || severities.contains(severity));
    }

    /** Exit 2 for a rule id or service the pack does not have (with the nearest), or an empty selection. */
    public void validate(RulePack pack) {
        Set<String> ids = new TreeSet<>();
        Set<String> packServices = new TreeSet<>();
        for (RuleMetadata r : pack.rules()) {
            ids.add(r.id());
            packServices.add(r.service());
        }
        for (String id : checks) {
            if (!ids.contains(id)) {
                throw InvalidInputException.of("error.noCheck", "--checks", id, Names.didYouMean(id, ids));
            }
        }
        for (String id : excluded) {
            if (!ids.contains(id)) {
                throw InvalidInputException.of("error.noCheck", "--exclude-checks", id, Names.didYouMean(id, ids));
            }
        }
        for (String s : services) {
            if (!packServices.contains(s)) {
                throw InvalidInputException.of("error.noService", s, String.join(", ", packServices),
                        Names.didYouMean(s, packServices));
            }
        }
        if (pack.rules().stream().noneMatch(r -> selects(r.id(), r.service(), r.severity()))) {
            throw InvalidInputException.of("error.selectsNothing");
        }
    }

    /** The snapshot services the selected rules read (what a scan must collect); empty when all are selected. */
    public List<String> servicesNeeded(RulePack pack) {
        if (isAll()) {
            return List.of();
        }
        Set<String> needed = new TreeSet<>();
        for (RuleMetadata r : pack.rules()) {
            if (selects(r.id(), r.service(), r.severity())) {
                needed.add(r.service());
                needed.addAll(r.requires());
            }
        }
        return List.copyOf(needed);
    }

    /** The report restricted to the selected rules, their findings and the services they need. */
    public Report apply(Report report, RulePack pack) {
        if (isAll()) {
            return report;
        }
        Set<String> needed = new TreeSet<>(servicesNeeded(pack));
        List<RuleInfo> rules = report.rules().stream().filter(r -> selects(r.id(), r.service(), r.severity())).toList();
        List<Finding> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (selects(f.ruleId(), f.service(), f.severity())) {
                findings.add(f);
            }
        }
        List<ServiceCoverage> coverage = report.coverage().stream().filter(c -> needed.contains(c.service())).toList();
        return report.withSelection(rules, findings, coverage);
    }

    /** Severity names as Prowler and Tenken write them (critical, HIGH, informational, info ...). */
    public static Severity severity(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("INFORMATIONAL")) {
            n = "INFO";
        }
        try {
            return Severity.valueOf(n);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("error.severity", "--severity", name);
        }
    }
}
