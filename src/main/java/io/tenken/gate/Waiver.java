package io.tenken.gate;

import java.time.LocalDate;

/** One validated entry of a waiver file. {@code index} is its 0-based position in {@code waivers}. */
public record Waiver(int index, String ruleId, String resource, String reason, String approvedBy, LocalDate expires) {

    /** True when {@code resourceId} is the exact resource or matches the glob ({@code *}, {@code ?}; case-sensitive). */
    public boolean matches(String findingRuleId, String resourceId) {
        return ruleId.equals(findingRuleId) && ResourceGlob.matches(resource, resourceId);
    }

    /** In force on {@code asOf}: a waiver is valid up to and including its expiry date. */
    public boolean activeOn(LocalDate asOf) {
        return !asOf.isAfter(expires);
    }
}
