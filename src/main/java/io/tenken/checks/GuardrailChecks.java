package io.tenken.checks;

import io.tenken.facts.Guardrail;
import java.util.Collection;
import java.util.List;

/** Is there, in a region, a guardrail that filters prompt attacks and sensitive information? */
public final class GuardrailChecks {
    private GuardrailChecks() {
    }

    public static CheckResult check(Collection<?> guardrails) {
        String expected = "a guardrail with a PROMPT_ATTACK content filter (input strength not NONE) and PII filters";
        List<Guardrail> all = guardrails.stream().map(Guardrail.class::cast)
                .sorted(java.util.Comparator.comparing(Guardrail::getName)).toList();
        if (all.isEmpty()) {
            return new CheckResult(false, "no guardrail", expected);
        }
        for (Guardrail g : all) {
            if (promptAttack(g) && pii(g)) {
                return new CheckResult(true, "guardrail '" + g.getName() + "' filters prompt attacks and PII", expected);
            }
        }
        return new CheckResult(false, String.join("; ", all.stream().map(g -> "guardrail '" + g.getName() + "': prompt-attack filter="
                + promptAttack(g) + ", PII filter=" + pii(g)).toList()), expected);
    }

    static boolean promptAttack(Guardrail g) {
        return g.getContentFilters() != null && g.getContentFilters().stream().anyMatch(f ->
                "PROMPT_ATTACK".equals(f.getType()) && f.getInputStrength() != null && !"NONE".equals(f.getInputStrength()));
    }

    static boolean pii(Guardrail g) {
        return (g.getPiiEntityTypes() != null && !g.getPiiEntityTypes().isEmpty()) || g.getRegexFilterCount() > 0;
    }
}
