package io.tenken.checks;

import java.util.Map;

/** Tag matching for policy keys such as {@code sensitiveBucketTags: {classification: "confidential*"}}. */
public final class Tags {
    private Tags() {
    }

    /** True when some policy key is a tag on the resource whose value matches the policy's glob. */
    public static boolean matchesAny(Map<String, String> wanted, Map<String, String> tags) {
        if (wanted == null || wanted.isEmpty() || tags == null) {
            return false;
        }
        return wanted.entrySet().stream().anyMatch(w -> tags.entrySet().stream()
                .anyMatch(t -> t.getKey().equalsIgnoreCase(w.getKey()) && Globs.matches(w.getValue(), t.getValue())));
    }
}
