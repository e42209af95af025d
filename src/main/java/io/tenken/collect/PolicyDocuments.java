package io.tenken.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenken.facts.PolicyStatement;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parses IAM policy documents (URL-encoded as IAM returns them, or plain JSON). */
public final class PolicyDocuments {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyDocuments() {
    }

    public static String decode(String doc) {
        if (doc == null) {
            return null;
        }
        String t = doc.trim();
        return t.startsWith("{") ? t : URLDecoder.decode(t, StandardCharsets.UTF_8);
    }

    public static JsonNode parse(String doc) {
        try {
            return MAPPER.readTree(decode(doc));
        } catch (Exception e) {
            throw new IllegalArgumentException("unparseable policy document: " + e.getMessage(), e);
        }
    }

    public static List<PolicyStatement> statements(String policyArn, String doc) {
        JsonNode root = parse(doc);
        JsonNode st = root.get("Statement");
        List<PolicyStatement> out = new ArrayList<>();
        if (st == null) {
            return out;
        }
        List<JsonNode> list = new ArrayList<>();
        if (st.isArray()) {
            st.forEach(list::add);
        } else {
            list.add(st);
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            JsonNode cond = s.get("Condition");
            out.add(PolicyStatement.builder().policyArn(policyArn).index(i)
                    .sid(text(s.get("Sid"))).effect(text(s.get("Effect")))
                    .actions(strings(s.get("Action"))).notActions(strings(s.get("NotAction")))
                    .resources(strings(s.get("Resource"))).notResources(strings(s.get("NotResource")))
                    .conditionJson(cond == null || cond.isNull() ? null : cond.toString())
                    .build());
        }
        return out;
    }

    /** Service principals a trust policy allows, e.g. lambda.amazonaws.com. */
    public static List<String> trustedServices(String doc) {
        List<String> out = new ArrayList<>();
        if (doc == null) {
            return out;
        }
        JsonNode st = parse(doc).get("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (st != null && st.isArray()) {
            st.forEach(list::add);
        } else if (st != null) {
            list.add(st);
        }
        for (JsonNode s : list) {
            JsonNode p = s.get("Principal");
            // A trust statement for accounts or federated users only has no Service key.
            if (p != null && p.isObject() && "Allow".equals(text(s.get("Effect"))) && p.has("Service")) {
                out.addAll(strings(p.get("Service")));
            }
        }
        return out.stream().distinct().sorted().toList();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> strings(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else {
            out.add(n.asText());
        }
        return List.copyOf(out);
    }
}
