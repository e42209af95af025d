package io.tenken.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenken.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The documents of AWS managed policies that templates attach by ARN, bundled (a template
 * cannot show them). Looked up by the partition-independent name, so {@code arn:aws-cn:...}
 * finds the same document.
 */
final class AwsManagedPolicies {
    private static final String RESOURCE = "template/aws-managed-policies.json";
    private static JsonNode documents;

    private AwsManagedPolicies() {
    }

    static Optional<String> document(String arn) {
        String key = arn.replaceFirst("^arn:[^:]+:", "arn:aws:");
        JsonNode doc = all().get(key);
        return doc == null || key.startsWith("_") ? Optional.empty() : Optional.of(doc.toString());
    }

    private static synchronized JsonNode all() {
        if (documents == null) {
            try (InputStream in = AwsManagedPolicies.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + RESOURCE);
                }
                documents = Json.MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }
}
