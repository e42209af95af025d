package io.tenken.facts;

import java.time.Instant;
import java.util.List;

/**
 * What the snapshot says about the scan itself, inserted by the engine (not collected). Rules
 * that reason about age ("unused for 90 days") measure from {@link #collectedAt}, never from
 * the wall clock, so re-evaluating old evidence gives the verdict it had then.
 */
public record ScanContext(String accountId, String partition, List<String> regions, Instant collectedAt) {

    /** Days from an ISO-8601 timestamp to collection time; -1 when the timestamp is null or unparsable. */
    public long daysSince(String isoTimestamp) {
        if (isoTimestamp == null || isoTimestamp.isBlank() || collectedAt == null) {
            return -1;
        }
        try {
            Instant then = java.time.OffsetDateTime.parse(isoTimestamp).toInstant();
            return java.time.Duration.between(then, collectedAt).toDays();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.Duration.between(Instant.parse(isoTimestamp), collectedAt).toDays();
            } catch (java.time.format.DateTimeParseException e2) {
                return -1;
            }
        }
    }
}
