package io.tenken.checks;

import io.tenken.findings.Message;
import io.tenken.facts.BedrockLoggingConfig;
import io.tenken.facts.Resource;
import io.tenken.facts.WebAcl;
import java.util.Collection;
import java.util.List;

/**
 * Which facts count as "a resource living in a region" for the allowed-regions control.
 * Excluded: per-region settings that exist whether or not anything is deployed (unconfigured
 * Bedrock logging), and CLOUDFRONT-scope web ACLs and IP sets, which AWS keeps in us-east-1 for
 * every account.
 */
public final class RegionResidency {
    private RegionResidency() {
    }

    public static List<String> residentIds(Collection<?> facts) {
        return facts.stream().filter(Resource.class::isInstance).map(Resource.class::cast)
                .filter(RegionResidency::counts).map(Resource::getResourceId).sorted().toList();
    }

    static boolean counts(Resource r) {
        if (r instanceof BedrockLoggingConfig c) {
            return c.isConfigured();
        }
        if (r instanceof WebAcl acl) {
            return !"CLOUDFRONT".equals(acl.getScope());
        }
        if (r instanceof io.tenken.facts.IpSet set) {
            return !"CLOUDFRONT".equals(set.getScope());
        }
        return !(r instanceof io.tenken.facts.AccountRegion);
    }

    public static Message describe(List<String> ids) {
        if (ids.isEmpty()) {
            return Message.of("REGION-01.no-resources");
        }
        int shown = Math.min(ids.size(), 5);
        return Message.of("REGION-01.resources", ids.size(), String.join(", ", ids.subList(0, shown))
                + (ids.size() > shown ? ", ..." : ""));
    }
}
