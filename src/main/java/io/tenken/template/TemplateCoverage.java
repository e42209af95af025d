package io.tenken.template;

import io.tenken.engine.AccountLevelRules;
import io.tenken.engine.RuleMetadata;
import io.tenken.findings.Message;
import java.util.List;

/** Whether a template can decide a rule: its services are declared in templates and it is not account-level. */
public final class TemplateCoverage {
    private TemplateCoverage() {
    }

    /** Null when a template decides the rule, else why not (a message). */
    public static Message whyNot(RuleMetadata rule) {
        if (AccountLevelRules.isAccountLevel(rule.id())) {
            return Message.of(AccountLevelRules.messageKey(rule.id()));
        }
        List<String> missing = rule.requires().stream().filter(s -> !TemplateSource.SERVICES.contains(s)).toList();
        return missing.isEmpty() ? null : Message.of("template.not-read", String.join(", ", missing));
    }
}
