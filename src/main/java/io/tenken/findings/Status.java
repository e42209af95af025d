package io.tenken.findings;

/** Outcome of one rule on one resource. */
public enum Status {
    /** The resource was seen and holds what the rule requires. */
    PASS,
    /** The resource was seen and does not hold it. */
    FAIL,
    /** The data the rule needs could not be collected: never read as compliant. */
    ERROR,
    /** No resource of the kind the rule checks exists. */
    NOT_APPLICABLE,
    /**
     * The resource was seen and does not hold it, but an approved, unexpired waiver covers it
     * ({@link Finding#waiver()}). Only a FAIL can become WAIVED; it does not count toward the gate.
     */
    WAIVED
}
