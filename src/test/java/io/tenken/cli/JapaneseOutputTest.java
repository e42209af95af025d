package io.tenken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.tenken.EnglishWords.check;
import static io.tenken.EnglishWords.htmlText;
import static io.tenken.EnglishWords.jsonText;
import static io.tenken.EnglishWords.junitText;
import static io.tenken.EnglishWords.snapshotValues;

import io.tenken.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of issue 11: a demo snapshot evaluated with {@code --lang ja} (with waivers
 * and a baseline, so every section is present) has no English sentence in the text a person reads
 * in any format ({@link io.tenken.EnglishWords} says what counts as English); nor have the errors,
 * the help, the catalog, the demo, diff, verify and the organisation report. The page as chromium
 * renders it and prints it is checked by {@code BrowserTest}.
 */
class JapaneseOutputTest {
    private static final Path DEMO = Path.of("src/main/resources/demo");

    @Test
    void japaneseReportsHaveNoEnglishSentence(@TempDir Path dir) throws Exception {
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, """
                waivers:
                  - ruleId: WAF-02
                    resource: "*"
                    reason: 社内ネットワークからのみ利用、次四半期に WAF を導入
                    approvedBy: security@example.com
                    expires: 2099-12-31
                  - ruleId: S3-01
                    resource: "arn:aws:s3:::legacy-*"
                    reason: 旧バケット
                    approvedBy: security@example.com
                    expires: 2020-01-01
                """);
        CliRun base = CliRun.of("evaluate", DEMO.resolve("genu-hardened.snapshot.json").toString(), "--out",
                dir.resolve("base").toString(), "--format", "json", "--lang", "ja");
        Path out = dir.resolve("ja");
        CliRun run = CliRun.of("evaluate", DEMO.resolve("genu-default.snapshot.json").toString(), "--out",
                out.toString(), "--format", "html,json,sarif,junit,markdown,csv,ocsf,asff", "--lang", "ja",
                "--waivers", waivers.toString(), "--as-of", "2026-11-30",
                "--baseline", dir.resolve("base/report.json").toString());
        assertTrue(run.exitCode() <= 3, base.err() + run.err());

        Set<String> values = snapshotValues();
        Map<String, List<String>> english = new TreeMap<>();
        check("stdout", run.out(), values, english);
        check("report.md", Files.readString(out.resolve("report.md")), values, english);
        check("report.csv", Files.readString(out.resolve("report.csv")), values, english);
        check("report.junit.xml", junitText(Files.readString(out.resolve("report.junit.xml"))), values, english);
        check("report.sarif", jsonText(Json.MAPPER.readTree(out.resolve("report.sarif").toFile()),
                Set.of("text", "justification")), values, english);
        check("report.json", jsonText(Json.MAPPER.readTree(out.resolve("report.json").toFile()),
                Set.of("title", "rationale", "remediation", "observed", "expected")), values, english);
        check("report.html", htmlText(Files.readString(out.resolve("report.html"))), values, english);
        // The interchange formats: the prose fields (enumerated captions stay as the OCSF and ASFF schemas name them).
        check("report.ocsf.json", jsonText(Json.MAPPER.readTree(out.resolve("report.ocsf.json").toFile()),
                Set.of("message", "title", "desc", "status_detail")), values, english);
        check("report.asff.json", jsonText(Json.MAPPER.readTree(out.resolve("report.asff.json").toFile()),
                Set.of("Title", "Description", "Text")), values, english);
        assertEquals(Map.of(), english, "English words in --lang ja output (format -> words in context)");
    }

    /**
     * Mistakes a user makes at the command line (AWS CLI habits, organisation scans, check
     * filters, output folders, templates, merges): with {@code --lang ja} each is one Japanese
     * line, exit 2, nothing written.
     */
    @Test
    void japaneseErrorsHaveNoEnglishSentence(@TempDir Path dir) throws Exception {
        String demo = DEMO.resolve("genu-default.snapshot.json").toString();
        String out = dir.resolve("out").toString();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        List<List<String>> mistakes = List.of(
                List.of("scan", "--profile", "no-such-profile-x"),
                List.of("scan", "--region", "ap-northeast-9"),
                List.of("scan", "--org", "--role-name", "audit", "--shard", "3/2"),
                List.of("scan", "--accounts", "12345", "--role-name", "audit"),
                List.of("scan", "--shard", "1/2"),
                List.of("scan", "--external-id", "abc123"),
                List.of("scan", "--org"),
                List.of("scan", "--org", "--role-name", "audit", "--role-arn", "arn:aws:iam::111111111111:role/x"),
                List.of("scan", "--org", "--role-name", "audit", "--account-concurrency", "0"),
                List.of("scan", "--concurrency", "0"),
                List.of("scan", "--endpoint-url", "not a url"),
                List.of("scan", "--role-arn", "arn:aws:iam::111111111111:role/x", "--role-session-name", "x"),
                List.of("scan", "--role-session-name", "mine"),
                List.of("evaluate", demo, "--out", out, "--format", "html,pdf"),
                List.of("evaluate", demo, "--out", out, "--checks", "S3-1"),
                List.of("evaluate", demo, "--out", out, "--exclude-checks", "IAM-99"),
                List.of("evaluate", demo, "--out", out, "--services", "s4"),
                List.of("evaluate", demo, "--out", out, "--severity", "urgent"),
                List.of("evaluate", demo, "--out", out, "--services", "s3", "--severity", "info"),
                List.of("evaluate", demo, "--out", "src/reports-here"),
                List.of("evaluate", demo, "--out", out, "--fail-on-new"),
                List.of("evaluate", demo, "--out", out, "--fail-on", "URGENT"),
                List.of("evaluate", demo, "--out", out, "--as-of", "2026-13-01"),
                List.of("evaluate"),
                List.of("evaluate", demo, "--outt", out),
                List.of("scna"),
                List.of("merge", dir.resolve("missing").toString(), "--out", out),
                List.of("merge", empty.toString(), "--out", out),
                List.of("template", empty.toString(), "--out", out));
        // What the user typed and the command line's own vocabulary (commands, formats, severities) are values.
        Set<String> values = new TreeSet<>(snapshotValues());
        mistakes.forEach(args -> args.forEach(a -> values.addAll(List.of(a.split("[\\s,]+")))));
        values.addAll(io.tenken.report.Renderers.formats());
        values.addAll(List.of("scan", "evaluate", "critical", "high", "medium", "low", "info"));
        Map<String, List<String>> english = new TreeMap<>();
        for (List<String> args : mistakes) {
            List<String> ja = new ArrayList<>(args);
            ja.addAll(List.of("--lang", "ja"));
            CliRun run = CliRun.of(ja.toArray(String[]::new));
            String line = String.join(" ", args);
            assertEquals(2, run.exitCode(), line + "\n" + run.err());
            assertTrue(run.err().startsWith("エラー: "), line + "\n" + run.err());
            check(line, run.err(), values, english);
        }
        assertTrue(Files.notExists(Path.of(out)), "nothing written");
        assertEquals(Map.of(), english, "English words in --lang ja errors (command -> words in context)");
    }

    /**
     * Bad input files (snapshot, waivers, policy, baseline, template, report, rules directory,
     * output folder) with {@code --lang ja}: one Japanese line naming the file and the place, exit
     * 2, nothing written; the common Jackson problems (a key given twice, an unknown key, a value
     * of the wrong type, a null, a truncated file) are messages of their own.
     */
    @Test
    void japaneseInputErrorsHaveNoEnglishSentence(@TempDir Path dir) throws Exception {
        String demo = Files.readString(DEMO.resolve("genu-default.snapshot.json"));
        String good = DEMO.resolve("genu-default.snapshot.json").toString();
        String out = dir.resolve("out").toString();
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("duplicate.json", demo.replaceFirst("\\{", "{ \"errors\": [],"));
        files.put("unknown.json", demo.replaceFirst("\\{", "{ \"bogus\": 1,"));
        files.put("fraction.json", demo.replaceFirst("\"apiCalls\": 3", "\"apiCalls\": 1.5"));
        files.put("null.json", demo.replaceFirst("\"errors\": \\[]", "\"errors\": null"));
        files.put("truncated.json", demo.substring(0, demo.length() / 2));
        files.put("newer.json", demo.replaceFirst("\"schemaVersion\": 1", "\"schemaVersion\": 99"));
        files.put("array.json", "[]");
        files.put("baseline.json", "{}");
        files.put("waivers-missing.yaml", "waivers:\n  - ruleId: S3-01\n    resource: \"*\"\n    reason: r\n    expires: 2099-12-31\n");
        files.put("waivers-rule.yaml", "waivers:\n  - ruleId: S3-99\n    resource: \"*\"\n    reason: r\n"
                + "    approvedBy: a@example.com\n    expires: 2099-12-31\n");
        files.put("waivers-date.yaml", "waivers:\n  - ruleId: S3-01\n    resource: \"*\"\n    reason: r\n"
                + "    approvedBy: a@example.com\n    expires: 31/12/2099\n");
        files.put("waivers-twice.yaml", "waivers:\n  - ruleId: S3-01\n    ruleId: S3-02\n");
        files.put("policy-zero.yaml", "logRetentionMinDays: 0\n");
        files.put("policy-type.yaml", "logRetentionMinDays: [365]\n");
        files.put("policy-mfa.yaml", "mfa: MAYBE\n");
        files.put("template-twice.yaml", "Resources:\n  A:\n    Type: AWS::S3::Bucket\n  A:\n    Type: AWS::S3::Bucket\n");
        files.put("template-null.yaml", "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: null\n");
        files.put("template-tag.yaml", "Resources:\n  A:\n    Type: !foo AWS::S3::Bucket\n");
        files.put("template-none.yaml", "Outputs: {}\n");
        for (var f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        Path notAFolder = Files.writeString(dir.resolve("file-not-folder"), "x");
        java.util.function.Function<String, String> f = name -> dir.resolve(name).toString();
        List<List<String>> mistakes = new ArrayList<>();
        for (String s : List.of("duplicate.json", "unknown.json", "fraction.json", "null.json", "truncated.json",
                "newer.json", "array.json", "missing.json")) {
            mistakes.add(List.of("evaluate", f.apply(s), "--out", out));
        }
        for (String w : List.of("waivers-missing.yaml", "waivers-rule.yaml", "waivers-date.yaml", "waivers-twice.yaml")) {
            mistakes.add(List.of("evaluate", good, "--out", out, "--waivers", f.apply(w), "--as-of", "2026-11-30"));
        }
        for (String p : List.of("policy-zero.yaml", "policy-type.yaml", "policy-mfa.yaml")) {
            mistakes.add(List.of("evaluate", good, "--out", out, "--policy", f.apply(p)));
        }
        for (String t : List.of("template-twice.yaml", "template-null.yaml", "template-tag.yaml", "template-none.yaml")) {
            mistakes.add(List.of("template", f.apply(t), "--out", out));
        }
        mistakes.add(List.of("evaluate", good, "--out", out, "--baseline", f.apply("baseline.json")));
        mistakes.add(List.of("evaluate", good, "--out", out, "--rules", f.apply("no-rules")));
        mistakes.add(List.of("evaluate", good, "--out", notAFolder.toString()));
        // Names the user wrote in the file (keys, rule ids, tags) are values, as are the command-line words.
        Set<String> values = new TreeSet<>(snapshotValues());
        mistakes.forEach(args -> values.addAll(args));
        values.addAll(List.of("errors", "bogus", "apiCalls", "ruleId", "resource", "reason", "rules", "approvedBy", "expires", "logRetentionMinDays",
                "mfa", "MAYBE", "OPTIONAL", "ON", "Resources", "foo", "Properties", "A", "findings", "metadata",
                "schemaVersion", "services"));
        Map<String, List<String>> english = new TreeMap<>();
        for (List<String> args : mistakes) {
            List<String> ja = new ArrayList<>(args);
            ja.addAll(List.of("--lang", "ja"));
            CliRun run = CliRun.of(ja.toArray(String[]::new));
            String line = String.join(" ", args).replace(dir.toString(), "");
            assertEquals(2, run.exitCode(), line + "\n" + run.err());
            assertTrue(run.err().startsWith("エラー: " + (args.get(0).equals("evaluate") && args.get(1).equals(good)
                    || args.contains(notAFolder.toString()) ? "" : dir)), line + "\n" + run.err());
            assertEquals(1, run.err().strip().lines().count(), line + "\n" + run.err());
            check(line, run.err(), values, english);
        }
        assertTrue(Files.notExists(Path.of(out)), "nothing written");
        assertEquals(Map.of(), english, "English words in --lang ja input errors (command -> words in context)");
    }

    /**
     * Every command's {@code --help} with {@code --lang ja}: the description, every option's and
     * parameter's text and the exit codes come from the Japanese labels (picocli's resource bundle).
     * The command, option and parameter names are what the user types.
     */
    @Test
    void japaneseHelpHasNoEnglishSentence() {
        Set<String> values = new TreeSet<>(List.of("tenken", "scan", "template", "evaluate", "diff", "verify", "demo",
                "rules", "policy", "init", "merge", "moto", "asOf", "role", "name", "yaml", "org", "json", "drl",
                "en", "ja", "html", "sarif", "junit", "markdown", "csv", "ocsf", "asff", "md", "out", "properties",
                "critical", "high", "medium", "low", "info", "iam", "idp", "region"));
        Map<String, List<String>> english = new TreeMap<>();
        for (List<String> command : List.of(List.<String>of(), List.of("scan"), List.of("template"), List.of("evaluate"),
                List.of("diff"), List.of("verify"), List.of("demo"), List.of("rules"), List.of("policy"),
                List.of("policy", "init"), List.of("merge"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--help", "--lang", "ja"));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), command + run.err());
            assertTrue(run.out().startsWith("使い方: tenken"), run.out());
            assertTrue(run.out().contains("終了コード:"), run.out());
            check(String.join(" ", command) + " --help", run.out(), values, english);
        }
        assertEquals(Map.of(), english, "English words in --lang ja --help (command -> words in context)");
    }

    /** The rule catalog, the checklist coverage, the demo, {@code tenken diff} with its Markdown and {@code verify} of a Japanese report, in Japanese. */
    @Test
    void japaneseCatalogDemoAndDiffHaveNoEnglishSentence(@TempDir Path dir) throws Exception {
        Set<String> values = snapshotValues();
        Map<String, List<String>> english = new TreeMap<>();
        CliRun rules = CliRun.of("rules", "--lang", "ja");
        assertEquals(0, rules.exitCode(), rules.err());
        check("rules", rules.out(), values, english);
        CliRun coverage = CliRun.of("rules", "--coverage", "--lang", "ja");
        assertEquals(0, coverage.exitCode(), coverage.err());
        check("rules --coverage", coverage.out(), values, english);
        CliRun demo = CliRun.of("demo", "--out", dir.resolve("demo").toString(), "--lang", "ja");
        assertEquals(0, demo.exitCode(), demo.err());
        check("demo", demo.out(), values, english);
        CliRun diff = CliRun.of("diff", dir.resolve("demo/genu-hardened/report.json").toString(),
                dir.resolve("demo/genu-default/report.json").toString(), "--out", dir.resolve("diff").toString(),
                "--fail-on-new", "--lang", "ja");
        assertEquals(1, diff.exitCode(), diff.err());
        check("diff", diff.out(), values, english);
        check("diff.md", Files.readString(dir.resolve("diff/diff.md")), values, english);
        CliRun verify = CliRun.of("verify", dir.resolve("demo/genu-default/report.json").toString(),
                DEMO.resolve("genu-default.snapshot.json").toString());
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().startsWith("一致: "), verify.out());
        check("verify", verify.out(), values, english);
        assertEquals(Map.of(), english, "English words in --lang ja rules, demo and diff output");
    }

    /** The organisation report in every format and the merge's summary, from two shards (one account not scanned). */
    @Test
    void japaneseOrganisationReportHasNoEnglishSentence(@TempDir Path dir) throws Exception {
        Path scanned = dir.resolve("shard-1/111111111111");
        CliRun account = CliRun.of("evaluate", DEMO.resolve("genu-default.snapshot.json").toString(), "--out",
                scanned.toString(), "--format", "html,json", "--lang", "ja");
        assertTrue(account.exitCode() <= 3, account.err());
        Files.writeString(scanned.resolve("account.json"), """
                {"accountId": "111111111111", "name": "prod", "state": "SCANNED", "error": null, "exitCode": 1}""");
        Path denied = Files.createDirectories(dir.resolve("shard-2/222222222222"));
        Files.writeString(denied.resolve("account.json"), """
                {"accountId": "222222222222", "name": "dev", "state": "ERROR", "error": "sts AssumeRole: AccessDenied", "exitCode": 3}""");
        // An account whose role led elsewhere: the error is a message, rendered in the merge's language.
        Path elsewhere = Files.createDirectories(dir.resolve("shard-2/333333333333"));
        Files.writeString(elsewhere.resolve("account.json"), """
                {"accountId": "333333333333", "name": "stg", "state": "ERROR", "exitCode": 3,
                 "error": "the role arn:aws:iam::333333333333:role/audit gave credentials of account 444444444444",
                 "errorMessage": {"key": "error.orgAccountMismatch",
                                  "args": ["arn:aws:iam::333333333333:role/audit", "444444444444"]}}""");
        Path org = dir.resolve("org");
        CliRun run = CliRun.of("merge", dir.resolve("shard-1").toString(), dir.resolve("shard-2").toString(),
                "--out", org.toString(), "--lang", "ja");
        assertEquals(3, run.exitCode(), run.err());
        Set<String> values = new TreeSet<>(snapshotValues());
        values.addAll(List.of("prod", "dev", "stg"));
        Map<String, List<String>> english = new TreeMap<>();
        check("merge stdout", run.out(), values, english);
        check("org-report.html", htmlText(Files.readString(org.resolve("org-report.html"))), values, english);
        check("org-report.md", Files.readString(org.resolve("org-report.md")), values, english);
        check("org-report.csv", Files.readString(org.resolve("org-report.csv")), values, english);
        assertEquals(Map.of(), english, "English words in the --lang ja organisation report");
        assertTrue(run.out().contains("組織: アカウント 3 件"), run.out());
        assertTrue(run.out().contains("ロール arn:aws:iam::333333333333:role/audit で得た認証情報はアカウント 444444444444 のもの"),
                run.out());
    }

}
