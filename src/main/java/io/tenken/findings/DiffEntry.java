package io.tenken.findings;

/** One (rule, resource) in a month-to-month comparison; {@code previousStatus} is null when it is new. */
public record DiffEntry(String ruleId, String resourceId, String region, Severity severity, String title,
                        Status previousStatus, Status status) {
}
