package io.tenken.derive;

import io.tenken.facts.CloudFrontDistribution;
import io.tenken.facts.WebAcl;
import io.tenken.snapshot.Facts;
import io.tenken.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The derive stage: facts that join two kinds of collected facts, computed once for every
 * source (a live scan, a saved snapshot, a template) so no source repeats a join. Idempotent:
 * deriving an already derived snapshot (e.g. an older snapshot whose scanner joined at
 * collection time) gives the same facts.
 */
public final class Derive {
    private Derive() {
    }

    public static Snapshot apply(Snapshot snapshot) {
        Facts facts = snapshot.getFacts();
        if (facts == null) {
            return snapshot;
        }
        List<WebAcl> joined = webAclAssociations(facts.getWebAcls(), facts.getCloudFrontDistributions());
        return snapshot.toBuilder().facts(facts.toBuilder().webAcls(joined).build()).build();
    }

    /**
     * A CloudFront distribution names its web ACL ({@code WebACLId}: the ACL's ARN for WAFv2, its
     * id for classic WAF); WAFv2 lists associations only for regional resources. So a
     * CLOUDFRONT-scope ACL protects the distributions that name it: add them to its
     * associations, keeping order stable (sorted).
     */
    static List<WebAcl> webAclAssociations(List<WebAcl> acls, List<CloudFrontDistribution> distributions) {
        Map<String, List<String>> byAcl = new HashMap<>();
        for (CloudFrontDistribution d : distributions) {
            if (d.getWebAclId() != null && !d.getWebAclId().isBlank()) {
                byAcl.computeIfAbsent(d.getWebAclId(), k -> new ArrayList<>()).add(d.getArn());
            }
        }
        List<WebAcl> out = new ArrayList<>(acls.size());
        for (WebAcl a : acls) {
            if ("CLOUDFRONT".equals(a.getScope())) {
                TreeSet<String> assoc = new TreeSet<>(a.getAssociatedResourceArns() == null ? List.of()
                        : a.getAssociatedResourceArns());
                assoc.addAll(byAcl.getOrDefault(a.getArn(), List.of()));
                if (a.getId() != null) {
                    assoc.addAll(byAcl.getOrDefault(a.getId(), List.of()));
                }
                a = a.toBuilder().associatedResourceArns(List.copyOf(assoc)).build();
            }
            out.add(a);
        }
        return out;
    }
}
