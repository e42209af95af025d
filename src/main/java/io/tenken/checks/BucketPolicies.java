package io.tenken.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads S3 bucket policies for the TLS-only control: some Deny statement, for every principal,
 * on s3:* (or *), covering the bucket's objects, under exactly {@code Bool aws:SecureTransport
 * false}, as the checklist asks. A Deny on {@code s3:TlsVersion} alone does not count: a plain
 * HTTP request carries no TLS version, so such a condition never matches it and nothing is
 * denied. A policy that cannot be parsed does not count as TLS-only.
 */
public final class BucketPolicies {
    private BucketPolicies() {
    }

    public static boolean deniesInsecureTransport(String policyJson, String bucketName) {
        if (policyJson == null || policyJson.isBlank()) {
            return false;
        }
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(policyJson);
        } catch (Exception e) {
            return false;
        }
        for (JsonNode st : list(doc.get("Statement"))) {
            if (!"Deny".equals(st.path("Effect").asText())) {
                continue;
            }
            if (!everyone(st.get("Principal"))) {
                continue;
            }
            // Every S3 action: a Deny of s3:GetObject alone leaves writes over plain HTTP.
            if (list(st.get("Action")).stream().noneMatch(a -> Globs.matches(a.asText(), "s3:AnyActionAtAll"))) {
                continue;
            }
            List<String> resources = list(st.get("Resource")).stream().map(JsonNode::asText).toList();
            String arn = "arn:aws:s3:::" + bucketName;
            boolean objects = resources.stream().anyMatch(r -> Globs.matches(r, arn + "/anything"));
            if (objects && insecureTransportCondition(st.get("Condition"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean everyone(JsonNode principal) {
        if (principal == null) {
            return false;
        }
        if (principal.isTextual()) {
            return "*".equals(principal.asText());
        }
        return list(principal.get("AWS")).stream().anyMatch(p -> "*".equals(p.asText()));
    }

    /**
     * The condition must be exactly the transport test: any other key is ANDed with it and
     * narrows the Deny (e.g. only for one VPC endpoint).
     */
    private static boolean insecureTransportCondition(JsonNode condition) {
        if (condition == null) {
            return false;
        }
        int keys = 0;
        boolean transport = false;
        for (var op : iterable(condition)) {
            String operator = op.getKey();
            for (var kv : iterable(op.getValue())) {
                keys++;
                String key = kv.getKey().toLowerCase(Locale.ROOT);
                List<String> values = list(kv.getValue()).stream().map(JsonNode::asText).toList();
                if (operator.equals("Bool") && key.equals("aws:securetransport") && values.equals(List.of("false"))) {
                    transport = true;
                }
            }
        }
        return transport && keys == 1;
    }

    private static List<JsonNode> list(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }

    private static Iterable<java.util.Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n == null || !n.isObject() ? List.of() : n::fields;
    }
}
