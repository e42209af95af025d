package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shipped IAM policy grants exactly the actions of the calls the collectors declare, and
 * every declared call is a real SDK operation. When this fails after adding a collector call,
 * its message says what to add or remove where.
 */
class ReadOnlyPolicyTest {
    static JsonNode policy() throws Exception {
        try (InputStream in = ReadOnlyPolicyTest.class.getResourceAsStream("/iam/tenken-scan-policy.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Set<String> actions(JsonNode policy) {
        Set<String> out = new TreeSet<>();
        for (JsonNode st : policy.get("Statement")) {
            assertEquals("Allow", st.get("Effect").asText());
            JsonNode a = st.get("Action");
            if (a.isTextual()) {
                out.add(a.asText());
            } else {
                a.forEach(x -> out.add(x.asText()));
            }
        }
        return out;
    }

    @Test
    void policyHoldsExactlyTheActionsOfTheDeclaredCalls() throws Exception {
        Set<String> declared = new TreeSet<>();
        Calls.everyCall().forEach(c -> declared.add(c.iamAction()));
        Set<String> granted = actions(policy());
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(granted);
        Set<String> extra = new TreeSet<>(granted);
        extra.removeAll(declared);
        assertEquals(Set.of(), missing, "declared in a collector's CALLS but not granted: add to "
                + "src/main/resources/iam/tenken-scan-policy.json");
        assertEquals(Set.of(), extra, "granted but no collector declares a call that needs it: remove from "
                + "the policy (moto-only names go to src/test/resources/iam/moto-compat-statement.json)");
    }

    @Test
    void organisationPolicyHoldsExactlyListAccountsAndAssumeRole() throws Exception {
        JsonNode org;
        try (InputStream in = ReadOnlyPolicyTest.class.getResourceAsStream("/iam/tenken-org-policy.json")) {
            org = new ObjectMapper().readTree(in);
        }
        Set<String> expected = new TreeSet<>(Set.of("sts:AssumeRole"));
        Calls.ORGANIZATION.forEach(c -> expected.add(c.iamAction()));
        assertEquals(expected, actions(org));
    }

    @Test
    void resourcesAreNarrowedWhereTheApiAllows() throws Exception {
        for (JsonNode st : policy().get("Statement")) {
            Set<String> a = new TreeSet<>();
            (st.get("Action").isArray() ? st.get("Action") : List.of(st.get("Action"))).forEach(x -> a.add(x.asText()));
            if (a.contains("apigateway:GET")) {
                assertEquals(Set.of("apigateway:GET"), a, "apigateway:GET gets a statement of its own");
                List<String> resources = new ArrayList<>();
                st.get("Resource").forEach(r -> resources.add(r.asText()));
                assertEquals(List.of("arn:aws:apigateway:*::/restapis", "arn:aws:apigateway:*::/restapis/*/stages",
                        "arn:aws:apigateway:*::/restapis/*/authorizers", "arn:aws:apigateway:*::/restapis/*/resources"),
                        resources, "API keys, authorizers and the rest of the API Gateway tree stay unreadable");
            }
        }
        assertFalse(actions(policy()).contains("s3:ListBucket"), "object keys are never listed");
        assertFalse(actions(policy()).contains("s3:GetObject"), "objects are never read");
    }

    /** Simple names (lower case) of the classes in an SDK service's model package. */
    static Set<String> modelClasses(String pkg) throws Exception {
        Set<String> out = new TreeSet<>();
        String dir = "software/amazon/awssdk/services/" + pkg + "/model/";
        var urls = ReadOnlyPolicyTest.class.getClassLoader().getResources(dir);
        while (urls.hasMoreElements()) {
            var conn = urls.nextElement().openConnection();
            if (conn instanceof java.net.JarURLConnection jar) {
                jar.getJarFile().stream().map(java.util.jar.JarEntry::getName)
                        .filter(n -> n.startsWith(dir) && n.endsWith(".class") && n.indexOf('/', dir.length()) < 0)
                        .forEach(n -> out.add(n.substring(dir.length(), n.length() - 6).toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return out;
    }

    @Test
    void everyDeclaredCallIsAnSdkOperationOfAMappedService() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<Calls.Call> calls = new ArrayList<>(Calls.everyCall());
        calls.addAll(Calls.ORGANIZATION);
        for (Calls.Call c : calls) {
            String pkg = ReadOnlyInterceptor.SDK_PACKAGES.get(c.apiService());
            if (pkg == null) {
                wrong.add(c.operation() + ": service " + c.apiService() + " missing from ReadOnlyInterceptor.SDK_PACKAGES");
                continue;
            }
            // The SDK spells some names differently (ListIPSets -> ListIpSetsRequest): compare case-insensitively,
            // as the interceptor does.
            String request = (c.apiOperation() + "Request").toLowerCase(java.util.Locale.ROOT);
            if (!modelClasses(pkg).contains(request)) {
                wrong.add(c.operation() + ": no SDK request " + c.apiOperation() + "Request in " + pkg);
            }
            assertTrue(c.iamAction().contains(":"), c.toString());
        }
        assertEquals(List.of(), wrong);
    }
}
