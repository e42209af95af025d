package io.tenken.engine;

import io.tenken.collect.Calls;
import io.tenken.facts.AccountSettings;
import io.tenken.snapshot.Facts;
import io.tenken.snapshot.Snapshot;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what a snapshot's collection errors leave unknown onto its facts, so the evidence file
 * itself says which field of which resource is unknown and which call failed. Evaluation derives
 * the same again (older snapshots carry only the errors), so this is provenance, not a
 * precondition.
 */
public final class UnknownAnnotator {
    private UnknownAnnotator() {
    }

    public static Snapshot annotate(Snapshot snapshot) {
        List<Object> before = snapshot.getFacts().all();
        UnknownState state = UnknownState.derive(snapshot, Calls.catalog(), List.of(), false);
        List<Object> after = state.facts();
        // derive() may put a synthesised AccountSettings first; the rest keeps its order.
        int offset = after.size() - before.size();
        Map<Object, Object> replaced = new IdentityHashMap<>();
        for (int i = 0; i < before.size(); i++) {
            replaced.put(before.get(i), after.get(i + offset));
        }
        Facts f = snapshot.getFacts();
        Facts annotated = f.toBuilder()
                .accountSettings(f.getAccountSettings() == null ? null
                        : (AccountSettings) replaced.get(f.getAccountSettings()))
                .userPools(map(f.getUserPools(), replaced))
                .userPoolClients(map(f.getUserPoolClients(), replaced))
                .webAcls(map(f.getWebAcls(), replaced))
                .wafRules(map(f.getWafRules(), replaced))
                .ipSets(map(f.getIpSets(), replaced))
                .cloudFrontDistributions(map(f.getCloudFrontDistributions(), replaced))
                .buckets(map(f.getBuckets(), replaced))
                .trails(map(f.getTrails(), replaced))
                .logGroups(map(f.getLogGroups(), replaced))
                .bedrockLoggingConfigs(map(f.getBedrockLoggingConfigs(), replaced))
                .guardrails(map(f.getGuardrails(), replaced))
                .customModels(map(f.getCustomModels(), replaced))
                .iamPrincipals(map(f.getIamPrincipals(), replaced))
                .iamPolicies(map(f.getIamPolicies(), replaced))
                .policyStatements(map(f.getPolicyStatements(), replaced))
                .credentialReportRows(map(f.getCredentialReportRows(), replaced))
                .kmsKeys(map(f.getKmsKeys(), replaced))
                .vpcEndpoints(map(f.getVpcEndpoints(), replaced))
                .build();
        return snapshot.toBuilder().facts(annotated).build();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> map(List<T> in, Map<Object, Object> replaced) {
        return in.stream().map(x -> (T) replaced.getOrDefault(x, x)).toList();
    }
}
