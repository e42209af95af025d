package io.tenken.checks;

import io.tenken.policy.Policy;
import java.util.List;

/**
 * Regions where Bedrock controls must hold. With allowed regions in the policy, those (Bedrock
 * anywhere else is REGION-01's finding). Without, every collected region: the scanner cannot
 * see where models are invoked (that needs invocation metrics), and judging only the regions
 * where Bedrock resources happen to exist would drop a region that invokes models with nothing
 * configured, which is exactly the region that fails.
 */
public final class BedrockScope {
    private BedrockScope() {
    }

    public static boolean inScope(String region, Policy policy) {
        List<String> allowed = policy.getAllowedRegions();
        return allowed.isEmpty() || allowed.contains(region);
    }
}
