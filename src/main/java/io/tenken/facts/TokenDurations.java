package io.tenken.facts;

import java.util.Locale;

/** Cognito token validity arithmetic: a value comes with a unit, or AWS's defaults apply. */
final class TokenDurations {
    private TokenDurations() {
    }

    /**
     * @param value       the validity as set, or null when unset
     * @param unit        the unit as set, or null (AWS then reads the value in {@code unitIfMissing})
     * @param defaultMins what AWS applies when no value is set
     */
    static long minutes(Integer value, String unit, long defaultMins, String unitIfMissing) {
        if (value == null) {
            return defaultMins;
        }
        String u = unit != null ? unit : unitIfMissing;
        switch (u.toLowerCase(Locale.ROOT)) {
            case "seconds": return (value + 59L) / 60L;
            case "minutes": return value;
            case "hours": return value * 60L;
            case "days": return value * 1440L;
            default: throw new IllegalArgumentException("unknown token validity unit: " + unit);
        }
    }
}
