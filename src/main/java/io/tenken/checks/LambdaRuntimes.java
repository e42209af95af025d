package io.tenken.checks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Whether a Lambda runtime was past AWS's deprecation date when the snapshot was taken. The
 * dates come from the policy's {@code lambdaRuntimeDeprecations} (defaults: the "Deprecated
 * runtimes" and "Supported runtimes" tables of the Lambda developer guide), so an organisation
 * adds a runtime AWS announces without a new Tenken release.
 */
public final class LambdaRuntimes {
    private LambdaRuntimes() {
    }

    /** The deprecation date of {@code runtime} if it is on or before {@code asOf}; null when still supported. */
    public static String deprecatedOn(String runtime, Map<String, String> deprecations, java.time.Instant asOf) {
        if (runtime == null || deprecations == null || asOf == null) {
            return null;
        }
        String date = deprecations.get(runtime);
        if (date == null) {
            return null;
        }
        LocalDate day = LocalDate.parse(date);
        return day.isAfter(asOf.atZone(ZoneOffset.UTC).toLocalDate()) ? null : date;
    }
}
