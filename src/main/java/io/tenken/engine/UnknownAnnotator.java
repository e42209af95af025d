package io.tenken.engine;

import io.tenken.collect.Calls;
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
        Facts annotated = snapshot.getFacts().map(x -> replaced.getOrDefault(x, x));
        return snapshot.toBuilder().facts(annotated).build();
    }
}
