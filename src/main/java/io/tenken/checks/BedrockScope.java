package io.tenken.checks;

import io.tenken.facts.Resource;
import io.tenken.findings.Message;
import io.tenken.policy.Policy;
import java.util.Collection;
import java.util.List;

/**
 * Regions where Bedrock controls must hold. With allowed regions in the policy, those, and besides
 * them every region where Bedrock is configured or holds resources (invocation logging, a
 * guardrail, a custom model, an agent, a knowledge base): Bedrock used where it should not be is
 * REGION-01's finding, and its controls are judged there too rather than ignored. Without allowed
 * regions, every collected region: the scanner cannot see where models are invoked (that needs
 * invocation metrics), and judging only the regions where Bedrock resources happen to exist would
 * drop a region that invokes models with nothing configured, which is exactly the region that fails.
 */
public final class BedrockScope {
    private BedrockScope() {
    }

    /** Within the policy's allowed regions (every region when it lists none). */
    public static boolean inScope(String region, Policy policy) {
        List<String> allowed = policy.getAllowedRegions();
        return allowed.isEmpty() || allowed.contains(region);
    }

    /** The Bedrock resources in the given lists, by id (sorted): evidence that Bedrock is in use in a region. */
    public static List<String> resources(Collection<?>... lists) {
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        for (Collection<?> list : lists) {
            list.forEach(o -> ids.add(((Resource) o).getResourceId()));
        }
        return List.copyOf(ids);
    }

    /** BEDROCK-05: a region whose workloads live in VPCs reaches bedrock-runtime through an endpoint. */
    public static CheckResult runtimeEndpoints(String region, Collection<?> endpoints) {
        Message expected = Message.of("BEDROCK-05.expected", region);
        return endpoints.isEmpty() ? new CheckResult(false, Message.of("BEDROCK-05.none"), expected)
                : new CheckResult(true, Message.of("BEDROCK-05.count", endpoints.size()), expected);
    }
}
