package io.tenken.findings;

/**
 * The waiver that turned a FAIL into WAIVED, as every report shows it next to the finding.
 * {@code index} is the entry's position in the waiver file (0-based, as in {@code waivers[0]}).
 */
public record AppliedWaiver(int index, String resource, String reason, String approvedBy, String expires) {
}
