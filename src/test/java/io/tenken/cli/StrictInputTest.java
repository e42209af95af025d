package io.tenken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.TestSnapshots;
import io.tenken.facts.Bucket;
import io.tenken.snapshot.Facts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed inputs are exit 2 with one line naming the file and the place, never a stack trace
 * and never a default that changes a verdict.
 */
class StrictInputTest {
    static String valid() throws Exception {
        Path tmp = Files.createTempFile("snapshot", ".json");
        TestSnapshots.write(TestSnapshots.withFacts(Facts.builder()
                .buckets(List.of(Bucket.builder().name("b").region("ap-northeast-1").objectOwnership("BucketOwnerEnforced").build())).build()), tmp);
        String s = Files.readString(tmp);
        Files.delete(tmp);
        return s;
    }

    static CliRun evaluate(Path dir, String snapshotJson, String... more) throws Exception {
        Path f = dir.resolve("snapshot.json");
        Files.writeString(f, snapshotJson);
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", f.toString(), "--out",
                dir.resolve("out").toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    static void rejected(CliRun r, Path dir, String... contains) {
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        for (String c : contains) {
            assertTrue(r.err().contains(c), "'" + c + "' in " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("out/report.json")), "no partial output");
    }

    @Test
    void nullOrMissingRequiredSnapshotFieldsNameTheJsonPath(@TempDir Path dir) throws Exception {
        String ok = valid();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) io.tenken.Json.MAPPER.readTree(ok);
        for (String[] c : new String[][] {{"errors", "errors: null"}, {"facts", "facts: null"},
                {"regions", "regions: null"}, {"services", "services: null"}}) {
            var t = tree.deepCopy();
            t.putNull(c[0]);
            rejected(evaluate(dir, t.toString()), dir, "snapshot.json: " + c[1]);
            t.remove(c[0]);
            rejected(evaluate(dir, t.toString()), dir, "snapshot.json: " + c[0] + ": missing");
        }
        var t = tree.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("services").get("s3")).putNull("status");
        rejected(evaluate(dir, t.toString()), dir, "snapshot.json: services.s3.status: null");
        t = tree.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) t.get("facts").get("buckets")).addNull();
        rejected(evaluate(dir, t.toString()), dir, "snapshot.json: facts.buckets[1]: must be an object, not null");
    }

    @Test
    void aDuplicateKeyCannotHideTheCollectionErrors(@TempDir Path dir) throws Exception {
        String ok = valid();
        String withErrors = ok.replaceFirst("\"errors\" : \\[ ]", "\"errors\" : [ {\"service\": \"s3\", \"region\": \"global\", "
                + "\"operation\": \"ListBuckets\", \"errorCode\": \"AccessDenied\"} ]");
        assertTrue(withErrors.contains("ListBuckets"), ok);
        String dup = withErrors.substring(0, withErrors.lastIndexOf('}')) + ", \"errors\": [] }";
        rejected(evaluate(dir, dup), dir, "snapshot.json:", "Duplicate field 'errors'");
    }

    @Test
    void aFractionWhereACountBelongsIsRejected(@TempDir Path dir) throws Exception {
        String ok = valid();
        String frac = ok.replaceFirst("\"name\" : \"b\"", "\"name\" : \"b\", \"lifecycleExpirationDays\": 1.5");
        rejected(evaluate(dir, frac), dir, "snapshot.json:", "lifecycleExpirationDays");
    }

    @Test
    void aReportPassedAsASnapshotIsRecognised(@TempDir Path dir) throws Exception {
        assertTrue(evaluate(dir, valid(), "--format", "json").exitCode() <= 1);
        String report = Files.readString(dir.resolve("out/report.json"));
        Files.delete(dir.resolve("out/report.json"));
        CliRun r = evaluate(dir, report);
        rejected(r, dir, "this is a Tenken report, not a snapshot");
        assertFalse(r.err().contains("upgrade"), r.err());
    }

    @Test
    void waiversNamingAnUnknownRuleOrGivingAKeyTwiceAreRejected(@TempDir Path dir) throws Exception {
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, "waivers:\n  - ruleId: S3-99\n    resource: \"*\"\n    reason: r\n"
                + "    approvedBy: a@example.com\n    expires: 2026-12-31\n");
        rejected(evaluate(dir, valid(), "--waivers", waivers.toString(), "--as-of", "2026-11-01"), dir,
                "waivers.yaml: waivers[0] (ruleId S3-99): no rule has the id 'S3-99'");
        Files.writeString(waivers, "waivers:\n  - ruleId: S3-01\n    resource: \"*\"\n    reason: r\n"
                + "    approvedBy: a@example.com\n    expires: 2026-01-01\n    expires: 2099-12-31\n");
        rejected(evaluate(dir, valid(), "--waivers", waivers.toString(), "--as-of", "2026-11-01"), dir,
                "waivers.yaml:", "Duplicate field 'expires'");
    }

    @Test
    void aPolicyGivingAKeyTwiceIsRejected(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "logRetentionMinDays: 365\nlogRetentionMinDays: 1\n");
        rejected(evaluate(dir, valid(), "--policy", policy.toString()), dir, "policy.yaml:", "Duplicate field");
    }

    @Test
    void aBaselineGivingAKeyTwiceIsRejected(@TempDir Path dir) throws Exception {
        assertTrue(evaluate(dir, valid(), "--format", "json").exitCode() <= 1);
        Path baseline = dir.resolve("baseline.json");
        String report = Files.readString(dir.resolve("out/report.json"));
        Files.writeString(baseline, report.substring(0, report.lastIndexOf('}')) + ", \"findings\": [] }");
        Files.delete(dir.resolve("out/report.json"));
        rejected(evaluate(dir, valid(), "--baseline", baseline.toString()), dir, "baseline.json:", "Duplicate field");
    }
}
