package io.tenken.facts;

import java.util.Map;

/**
 * A fact some of whose fields may be unknown. {@link #getUnknown()} maps a field name (the
 * bean property, e.g. {@code lifecycleExpirationDays}) to why it is unknown; {@value #ALL_FIELDS}
 * means every field but the identity (name, ARN) is unknown.
 * <p>
 * The contract, which the engine enforces so rule authors need not:
 * <ul>
 * <li>a field that can be unknown has a getter that reports the read through {@link Reads#of}
 *     ({@code UnknownFieldsTest} fails when a field a collector declares lacks one; a field
 *     whose getter does not report is treated as if the whole fact were unknown);</li>
 * <li>the value of an unknown field is whatever the source could fill in (usually null or
 *     false): it is never judged, because any verdict that read it becomes ERROR.</li>
 * </ul>
 */
public interface Fallible extends Resource {
    String ALL_FIELDS = "*";

    Map<String, Unknown> getUnknown();

    /** A copy of this fact with these unknown fields (a sorted map, for deterministic snapshots). */
    Fallible withUnknown(Map<String, Unknown> unknown);

    /** Why {@code field} is unknown, or null when it is known. */
    default Unknown unknown(String field) {
        Map<String, Unknown> u = getUnknown();
        if (u == null || u.isEmpty()) {
            return null;
        }
        Unknown why = u.get(field);
        return why != null ? why : u.get(ALL_FIELDS);
    }
}
