package io.tenken.checks;

import io.tenken.facts.CredentialReportRow;
import io.tenken.facts.ScanContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Credential-report checks that need date arithmetic. Ages are measured from the snapshot's
 * collection time ({@link ScanContext#daysSince}), never from the wall clock.
 *
 * <p>A credential counts as unused when its last use is more than {@code maxDays} days before
 * collection. A credential that was never used counts from when it came into being: the user's
 * creation time for a console password, the key's last rotation (its creation, when never
 * rotated) for an access key, falling back to the user's creation time. A credential whose age
 * cannot be told (no usable timestamp) is reported, not assumed recent.
 */
public final class IamCredentials {
    private IamCredentials() {
    }

    public static CheckResult unused(CredentialReportRow row, ScanContext ctx, int maxDays) {
        String expected = "console password and active access keys used within the last " + maxDays + " days";
        List<String> problems = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        if (row.isPasswordEnabled()) {
            credential(problems, fine, "console password", row.getPasswordLastUsed(), row.getUserCreationTime(),
                    "user created", ctx, maxDays);
        }
        if (row.isAccessKey1Active()) {
            credential(problems, fine, "access key 1", row.getAccessKey1LastUsed(),
                    firstNonNull(row.getAccessKey1LastRotated(), row.getUserCreationTime()), "created", ctx, maxDays);
        }
        if (row.isAccessKey2Active()) {
            credential(problems, fine, "access key 2", row.getAccessKey2LastUsed(),
                    firstNonNull(row.getAccessKey2LastRotated(), row.getUserCreationTime()), "created", ctx, maxDays);
        }
        if (!problems.isEmpty()) {
            return new CheckResult(false, String.join("; ", problems), expected);
        }
        return new CheckResult(true, fine.isEmpty() ? "no console password and no active access key"
                : String.join("; ", fine), expected);
    }

    private static void credential(List<String> problems, List<String> fine, String what, String lastUsed,
                                   String since, String sinceLabel, ScanContext ctx, int maxDays) {
        long used = ctx.daysSince(lastUsed);
        if (used >= 0) {
            (used > maxDays ? problems : fine).add(what + " last used " + used + " days ago");
            return;
        }
        long age = ctx.daysSince(since);
        if (age < 0) {
            problems.add(what + " never used and its age is unknown");
        } else {
            (age > maxDays ? problems : fine).add(what + " never used, " + sinceLabel + " " + age + " days ago");
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
