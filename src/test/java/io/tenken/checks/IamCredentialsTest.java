package io.tenken.checks;

import static io.tenken.TestTexts.en;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.facts.CredentialReportRow;
import io.tenken.facts.ScanContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamCredentialsTest {
    static final ScanContext CTX = new ScanContext("123456789012", "aws", List.of("us-east-1"),
            Instant.parse("2026-11-01T00:00:00Z"));

    static CredentialReportRow.CredentialReportRowBuilder user() {
        return CredentialReportRow.builder().user("alice").arn("arn:aws:iam::123456789012:user/alice")
                .userCreationTime("2025-01-01T00:00:00Z");
    }

    @Test
    void recentlyUsedPasswordAndKeyPass() {
        CheckResult r = IamCredentials.unused(user().passwordEnabled(true)
                .passwordLastUsed("2026-10-01T00:00:00Z").accessKey1Active(true)
                .accessKey1LastUsed("2026-10-31T12:00:00+00:00").accessKey1LastRotated("2025-01-01T00:00:00Z").build(),
                CTX, 90);
        assertTrue(r.compliant(), en(r.observed()));
        assertEquals("user 'alice': console password last used 31 days ago; access key 1 last used 0 days ago", en(r.observed()));
    }

    @Test
    void passwordUnusedLongerThanThresholdFails() {
        CheckResult r = IamCredentials.unused(user().passwordEnabled(true)
                .passwordLastUsed("2026-07-01T00:00:00Z").build(), CTX, 90);
        assertFalse(r.compliant());
        assertEquals("user 'alice': console password last used 123 days ago", en(r.observed()));
        assertTrue(IamCredentials.unused(user().passwordEnabled(true).passwordLastUsed("2026-07-01T00:00:00Z").build(),
                CTX, 180).compliant());
    }

    @Test
    void exactlyThresholdIsNotMoreThan() {
        assertTrue(IamCredentials.unused(user().passwordEnabled(true).passwordLastUsed("2026-08-03T00:00:00Z").build(),
                CTX, 90).compliant());
        assertFalse(IamCredentials.unused(user().passwordEnabled(true).passwordLastUsed("2026-08-02T00:00:00Z").build(),
                CTX, 90).compliant());
    }

    @Test
    void neverUsedCountsFromCreationOrRotation() {
        assertFalse(IamCredentials.unused(user().passwordEnabled(true).build(), CTX, 90).compliant());
        assertTrue(IamCredentials.unused(user().userCreationTime("2026-10-15T00:00:00Z").passwordEnabled(true).build(),
                CTX, 90).compliant());
        CheckResult key = IamCredentials.unused(user().accessKey2Active(true)
                .accessKey2LastRotated("2026-10-20T00:00:00Z").build(), CTX, 90);
        assertTrue(key.compliant(), en(key.observed()));
        CheckResult old = IamCredentials.unused(user().accessKey2Active(true)
                .accessKey2LastRotated("2026-01-01T00:00:00Z").build(), CTX, 90);
        assertFalse(old.compliant());
        assertEquals("user 'alice': access key 2 never used, created 304 days ago", en(old.observed()));
    }

    @Test
    void aUserWithoutCredentialsIsJudgedByItsLastActivity() {
        // Created 2025-01-01, its now inactive key last used in 2020: a leaver never removed.
        CheckResult idle = IamCredentials.unused(user().accessKey1Active(false)
                .accessKey1LastUsed("2020-01-01T00:00:00Z").build(), CTX, 90);
        assertFalse(idle.compliant());
        assertTrue(en(idle.observed()).startsWith("user 'alice': no console password and no active access key; last used or created "),
                en(idle.observed()));
        CheckResult recent = IamCredentials.unused(user().accessKey1Active(false)
                .accessKey1LastUsed("2026-10-20T00:00:00Z").build(), CTX, 90);
        assertTrue(recent.compliant(), en(recent.observed()));
        assertFalse(IamCredentials.unused(user().userCreationTime(null).build(), CTX, 90).compliant(),
                "no timestamp at all: age unknown, reported");
    }

    @Test
    void unknownAgeIsReported() {
        assertFalse(IamCredentials.unused(user().userCreationTime(null).passwordEnabled(true).build(), CTX, 90)
                .compliant());
    }

    @Test
    void measuredFromCollectionTimeNotWallClock() {
        ScanContext old = new ScanContext("123456789012", "aws", List.of(), Instant.parse("2025-02-01T00:00:00Z"));
        assertTrue(IamCredentials.unused(user().passwordEnabled(true).passwordLastUsed("2025-01-15T00:00:00Z").build(),
                old, 90).compliant());
    }
}
