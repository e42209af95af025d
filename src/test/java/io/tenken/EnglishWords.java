package io.tenken;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The acceptance check of issue 11, shared by the command-line and the browser tests: a word
 * counts as English when it is a plain lowercase or capitalised ASCII word outside any
 * identifier-like token (one with digits, punctuation such as : / = . _ - *, or inner capitals)
 * that is neither a value from the demo snapshots (or the caller's own values) nor in a short
 * allowlist of product and protocol names.
 */
public final class EnglishWords {
    private static final Path DEMO = Path.of("src/main/resources/demo");
    /** Product, service and protocol names an auditor reads as names, plus CLI words in commands. */
    static final Set<String> ALLOWED = Set.of("Tenken", "Bedrock", "CloudFront", "CloudTrail", "CloudWatch",
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

    private EnglishWords() {
    }

    /** Adds {@code format -> English words} (and a few in context) to {@code found} when {@code text} has any. */
    public static void check(String format, String text, Set<String> values, Map<String, List<String>> found) {
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
    public static Set<String> snapshotValues() throws Exception {
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

    public static String jsonText(JsonNode n, Set<String> fields) {
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
    public static String junitText(String xml) {
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
    public static String htmlText(String html) throws Exception {
        Matcher island = Pattern.compile("<script type=\"application/json\"[^>]*>(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        StringBuilder out = new StringBuilder();
        while (island.find()) {
            out.append(jsonText(Json.MAPPER.readTree(island.group(1)), Set.of())).append('\n');
        }
        String page = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ");
        // What a person reads in attributes too: tooltips, labels a screen reader speaks, placeholders.
        Matcher attribute = Pattern.compile("\\s(?:title|aria-label|placeholder|alt)=\"([^\"]*)\"").matcher(page);
        while (attribute.find()) {
            out.append(unescape(attribute.group(1))).append('\n');
        }
        String visible = page.replaceAll("(?s)<[^>]+>", " ");
        return out.append(unescape(visible)).toString();
    }

    public static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }
}
