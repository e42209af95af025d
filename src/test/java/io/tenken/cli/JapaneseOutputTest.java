package io.tenken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of issue 11: a demo snapshot evaluated with {@code --lang ja} (with waivers
 * and a baseline, so every section is present) has no English sentence in the text a person reads
 * in any format. Identifiers, configuration values and the account's own names stay as they are:
 * a word counts as English when it is a plain lowercase or capitalised ASCII word outside any
 * identifier-like token (one with digits, punctuation such as : / = . _ - *, or inner capitals) that
 * is neither a value from the snapshot nor in a short allowlist of product and protocol names.
 */
class JapaneseOutputTest {
    private static final Path DEMO = Path.of("src/main/resources/demo");
    /** Product, service and protocol names an auditor reads as names, plus CLI words in commands. */
    private static final Set<String> ALLOWED = Set.of("Tenken", "Bedrock", "CloudFront", "CloudTrail", "CloudWatch",
            "Logs", "Cognito", "GenU", "JavaScript", "Firehose", "Lambda", "Amazon", "Organizations", "Security",
            "Hub", "GuardDuty", "Macie", "Inspector", "DynamoDB", "Gateway", "API", "true", "false", "null",
            "aws", "s3api", "cdk", "json", "ts", "yaml", "Allow", "Deny", "Count", "Enabled", "Suspended",
            "Console", "none", "sha256", "https", "http", "arn", "kms", "iam",
            // AWS product and feature names, IAM policy elements and API values as the AWS documentation writes them
            "Access", "Analyzer", "Identity", "Center", "Control", "Tower", "Converse", "Effect", "Principal",
            "Action", "Resource", "Condition", "Aspect", "Bucket", "Block", "None", "Inactive", "Interface",
            "Management", "Plus", "Prowler", "Runtime", "Aurora", "OpenSearch", "Serverless", "Object", "Lock", "Delete",
            // CLI arguments and policy keys written as the user types them; the qualifier of a related reference
            "default", "private", "mfa", "related",
            // service ids (the service column, AWS CLI commands) and the JUnit suite's product name
            "bedrock", "logs", "cloudtrail", "cloudfront", "cognito", "wafv2", "lambda", "dynamodb", "apigateway", "sts",
            "cloudwatch", "securityhub", "guardduty", "enable",
            "tenken");
    private static final Pattern CHUNK = Pattern.compile("[\\x21-\\x7e]+");
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z][a-z]+");

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
                out.toString(), "--format", "html,json,sarif,junit,markdown,csv", "--lang", "ja",
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
        assertEquals(Map.of(), english, "English words in --lang ja output (format -> words in context)");
    }

    private static void check(String format, String text, Set<String> values, Map<String, List<String>> found) {
        Matcher m = CHUNK.matcher(text);
        TreeSet<String> words = new TreeSet<>();
        TreeSet<String> contexts = new TreeSet<>();
        while (m.find()) {
            String chunk = m.group().replaceAll("^[(\\[「『,;.:!?'\"]+|[)\\]」』,;.:!?'\"]+$", "");
            if (!PLAIN_WORD.matcher(chunk).matches() || ALLOWED.contains(chunk) || values.contains(chunk)) {
                continue;
            }
            int from = Math.max(0, m.start() - 30);
            int to = Math.min(text.length(), m.end() + 30);
            words.add(chunk);
            contexts.add(chunk + " «" + text.substring(from, to).replace('\n', ' ') + "»");
        }
        if (!words.isEmpty()) {
            found.put(format, List.copyOf(words));
            found.put(format + " (in context)", List.copyOf(contexts).subList(0, Math.min(contexts.size(), 10)));
        }
    }

    /** Every string of the demo snapshots, split as {@link #CHUNK} splits: the account's own values. */
    private static Set<String> snapshotValues() throws Exception {
        Set<String> out = new TreeSet<>();
        for (String s : List.of("genu-default", "genu-hardened")) {
            List<String> strings = new ArrayList<>();
            collect(Json.MAPPER.readTree(DEMO.resolve(s + ".snapshot.json").toFile()), Set.of(), strings);
            for (String v : strings) {
                Matcher m = CHUNK.matcher(v);
                while (m.find()) {
                    out.add(m.group().replaceAll("^[(\\[,;.:'\"]+|[)\\],;.:'\"]+$", ""));
                }
            }
        }
        return out;
    }

    private static String jsonText(JsonNode n, Set<String> fields) {
        List<String> out = new ArrayList<>();
        collect(n, fields, out);
        return String.join("\n", out);
    }

    /** String values of the named fields (all string values when {@code fields} is empty). */
    private static void collect(JsonNode n, Set<String> fields, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual() && (fields.isEmpty() || fields.contains(e.getKey()))) {
                    out.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), fields, out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, fields, out));
        } else if (n.isTextual() && fields.isEmpty()) {
            out.add(n.asText());
        }
    }

    /** Messages and texts of the JUnit report; element and attribute names are not read by people. */
    private static String junitText(String xml) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?:message|name)=\"([^\"]*)\"|>([^<]+)<").matcher(xml);
        while (m.find()) {
            out.add(unescape(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return String.join("\n", out);
    }

    /**
     * The page's visible text and the texts its data island carries (labels, titles, evidence);
     * the script's code and the style sheet are not text.
     */
    private static String htmlText(String html) throws Exception {
        Matcher island = Pattern.compile("<script type=\"application/json\"[^>]*>(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        StringBuilder out = new StringBuilder();
        while (island.find()) {
            out.append(jsonText(Json.MAPPER.readTree(island.group(1)), Set.of())).append('\n');
        }
        String visible = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<[^>]+>", " ");
        return out.append(unescape(visible)).toString();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }
}
