package io.tenken.checks;

import io.tenken.findings.Message;
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
 * cannot be told (no usable timestamp) is reported, not assumed recent. A user with no console
 * password and no active access key is judged as a user: unused when its last activity is.
 */
public final class IamCredentials {
    private IamCredentials() {
    }

    public static CheckResult unused(CredentialReportRow row, ScanContext ctx, int maxDays) {
        Message expected = Message.of("IAM-07.expected", maxDays);
        List<Message> problems = new ArrayList<>();
        List<Message> fine = new ArrayList<>();
        if (row.isPasswordEnabled()) {
            credential(problems, fine, Message.of("IAM-07.console-password"), row.getPasswordLastUsed(),
                    row.getUserCreationTime(), "IAM-07.never-used.user-created", ctx, maxDays);
        }
        if (row.isAccessKey1Active()) {
            credential(problems, fine, Message.of("IAM-07.access-key", 1), row.getAccessKey1LastUsed(),
                    firstNonNull(row.getAccessKey1LastRotated(), row.getUserCreationTime()), "IAM-07.never-used.created", ctx, maxDays);
        }
        if (row.isAccessKey2Active()) {
            credential(problems, fine, Message.of("IAM-07.access-key", 2), row.getAccessKey2LastUsed(),
                    firstNonNull(row.getAccessKey2LastRotated(), row.getUserCreationTime()), "IAM-07.never-used.created", ctx, maxDays);
        }
        if (problems.isEmpty() && fine.isEmpty()) {
            idleUser(problems, fine, row, ctx, maxDays);
        }
        if (!problems.isEmpty()) {
            return new CheckResult(false, user(row, problems), expected);
        }
        return new CheckResult(true, user(row, fine), expected);
    }

    /**
     * The checklist asks for no users (not only credentials) unused beyond the threshold: a user
     * left without a password or an active key is a leaver not removed once its last use (of any
     * credential, active or not) or, never used, its creation is more than {@code maxDays} ago.
     */
    private static void idleUser(List<Message> problems, List<Message> fine, CredentialReportRow row,
                                 ScanContext ctx, int maxDays) {
        long idle = -1;
        for (String t : new String[] {row.getUserCreationTime(), row.getPasswordLastUsed(),
                row.getAccessKey1LastUsed(), row.getAccessKey2LastUsed()}) {
            long days = ctx.daysSince(t);
            if (days >= 0 && (idle < 0 || days < idle)) {
                idle = days;
            }
        }
        if (idle < 0) {
            problems.add(Message.of("IAM-07.no-credentials.age-unknown"));
        } else {
            (idle > maxDays ? problems : fine).add(Message.of("IAM-07.no-credentials.idle", idle));
        }
    }

    private static Message user(CredentialReportRow row, List<Message> observed) {
        return Message.of("IAM-07.user", row.getUser(), Message.list(observed));
    }

    private static void credential(List<Message> problems, List<Message> fine, Message what, String lastUsed,
                                   String since, String neverUsedKey, ScanContext ctx, int maxDays) {
        long used = ctx.daysSince(lastUsed);
        if (used >= 0) {
            (used > maxDays ? problems : fine).add(Message.of("IAM-07.last-used", what, used));
            return;
        }
        long age = ctx.daysSince(since);
        if (age < 0) {
            problems.add(Message.of("IAM-07.never-used.age-unknown", what));
        } else {
            (age > maxDays ? problems : fine).add(Message.of(neverUsedKey, what, age));
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
