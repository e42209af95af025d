package io.tenken.checks;

import io.tenken.facts.AccountSettings;
import io.tenken.policy.Policy;
import java.util.List;

/**
 * Regions where Bedrock controls must hold: where the account uses Bedrock, plus the regions
 * the policy allows (where it may start using it). With neither known, every collected region.
 */
public final class BedrockScope {
    private BedrockScope() {
    }

    public static boolean inScope(String region, AccountSettings account, Policy policy) {
        List<String> used = account == null || account.getBedrockRegionsInUse() == null
                ? List.of() : account.getBedrockRegionsInUse();
        List<String> allowed = policy.getAllowedRegions();
        if (used.isEmpty() && allowed.isEmpty()) {
            return true;
        }
        return used.contains(region) || allowed.contains(region);
    }
}
