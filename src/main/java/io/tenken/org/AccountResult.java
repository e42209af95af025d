package io.tenken.org;

/**
 * How one account's run ended, written as {@code DIR/<account-id>/account.json} next to its
 * snapshot and reports (or alone, when the account could not be scanned), so {@code tenken merge}
 * sees exactly what the scan saw.
 *
 * @param state    {@code SCANNED} (reports written) or {@code ERROR} (no report: {@code error} says why)
 * @param errorMessage {@code error} as a message key with arguments (null for an error that is not one), rendered in the
 *                 language of the merge
 * @param exitCode the account's own exit code (0, 1, 3), 3 for an account that could not be scanned
 */
public record AccountResult(String accountId, String name, String state, String error,
                            io.tenken.findings.Message errorMessage, int exitCode) {
    public static final String SCANNED = "SCANNED";
    public static final String ERROR = "ERROR";
    public static final String FILE = "account.json";
}
