package io.tenken.findings;

/**
 * One entry of the waiver file and what became of it in this run: {@code ACTIVE} (applied to
 * {@code matched} FAIL findings), {@code UNUSED} (in force but matched no FAIL: the issue may be
 * fixed, or the pattern is wrong) or {@code EXPIRED} (past its expiry on the evaluation date, so
 * not applied; {@code matched} counts the FAIL findings it would have covered).
 */
public record WaiverStatus(int index, String ruleId, String resource, String reason, String approvedBy,
                           String expires, String state, int matched) {
    public static final String ACTIVE = "ACTIVE";
    public static final String UNUSED = "UNUSED";
    public static final String EXPIRED = "EXPIRED";
}
