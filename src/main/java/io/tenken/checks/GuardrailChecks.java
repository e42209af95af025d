package io.tenken.checks;

import io.tenken.findings.Message;
import io.tenken.facts.Guardrail;
import java.util.Collection;
import java.util.List;

/** Is there, in a region, a guardrail that filters prompt attacks and sensitive information? */
public final class GuardrailChecks {
    private GuardrailChecks() {
    }

    public static CheckResult check(Collection<?> guardrails) {
        Message expected = Message.of("BEDROCK-03.expected");
        List<Guardrail> all = guardrails.stream().map(Guardrail.class::cast)
                .sorted(java.util.Comparator.comparing(Guardrail::getName)).toList();
        if (all.isEmpty()) {
            return new CheckResult(false, Message.of("BEDROCK-03.none"), expected);
        }
        for (Guardrail g : all) {
            if (usable(g) && promptAttack(g) && pii(g)) {
                return new CheckResult(true, Message.of("BEDROCK-03.filters", g.getName()), expected);
            }
        }
        return CheckResult.of(false, all.stream().map(g -> usable(g)
                ? Message.of("BEDROCK-03.guardrail", g.getName(), promptAttack(g), pii(g))
                : Message.of("BEDROCK-03.guardrail.unusable", g.getName(), g.getStatus())).toList(), expected);
    }

    /**
     * A guardrail whose creation or update failed, or that is being deleted, filters nothing
     * (GetGuardrail status FAILED or DELETING); a template's guardrail carries no status.
     */
    static boolean usable(Guardrail g) {
        return !"FAILED".equalsIgnoreCase(g.getStatus()) && !"DELETING".equalsIgnoreCase(g.getStatus());
    }

    static boolean promptAttack(Guardrail g) {
        return g.getContentFilters() != null && g.getContentFilters().stream().anyMatch(f ->
                "PROMPT_ATTACK".equals(f.getType()) && f.getInputStrength() != null && !"NONE".equals(f.getInputStrength()));
    }

    static boolean pii(Guardrail g) {
        return (g.getPiiEntityTypes() != null && !g.getPiiEntityTypes().isEmpty()) || g.getRegexFilterCount() > 0;
    }
}
