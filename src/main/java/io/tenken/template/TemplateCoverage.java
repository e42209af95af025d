package io.tenken.template;

import io.tenken.engine.AccountLevelRules;
import io.tenken.engine.RuleMetadata;
import java.util.List;

/** Whether a template can decide a rule: its services are declared in templates and it is not account-level. */
public final class TemplateCoverage {
    private TemplateCoverage() {
    }

    /** Null when a template decides the rule, else why not. */
    public static String whyNot(RuleMetadata rule) {
        String reason = AccountLevelRules.REASONS.get(rule.id());
        if (reason != null) {
            return reason;
        }
        List<String> missing = rule.requires().stream().filter(s -> !TemplateSource.SERVICES.contains(s)).toList();
        return missing.isEmpty() ? null : "the template source does not read " + String.join(", ", missing);
    }
}
