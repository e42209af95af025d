package io.tenken.engine;

import io.tenken.facts.CollectionError;
import io.tenken.facts.Resource;
import io.tenken.findings.Message;
import io.tenken.findings.Status;
import io.tenken.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Decides which findings a collection error makes unknowable. The rules:
 * <ul>
 * <li>an error about one resource turns that resource's PASS or FAIL into ERROR (the data
 *     behind either verdict may be missing);</li>
 * <li>an error about a whole service in a region turns every PASS in that region (and every
 *     global resource's PASS) into ERROR: the resource list itself may be incomplete. A FAIL
 *     seen on a resource stays a FAIL;</li>
 * <li>account-level verdicts ("the account has a strong password policy") turn into ERROR on
 *     any scope-wide error of a service they need, or one about the account itself; region-level
 *     ones ("a trail covers this region") aggregate over the region's resources, so any error in
 *     their region (or a global one) turns them into ERROR.</li>
 * </ul>
 * A service the snapshot did not collect at all counts as an error in every region.
 */
final class ErrorScope {
    static final String NOT_COLLECTED = "NotCollected";

    private ErrorScope() {
    }

    static List<CollectionError> effectiveErrors(Snapshot snapshot, List<RuleMetadata> rules) {
        List<CollectionError> out = new ArrayList<>(snapshot.getErrors());
        TreeSet<String> needed = new TreeSet<>();
        rules.forEach(r -> needed.addAll(r.requires()));
        for (String service : needed) {
            if (!snapshot.getServices().containsKey(service)) {
                out.add(CollectionError.builder().service(service).region(Resource.GLOBAL)
                        .operation("-").errorCode(NOT_COLLECTED)
                        .message("service not collected in this snapshot").build());
            }
        }
        return out;
    }

    static CollectionError blocking(List<CollectionError> errors, String resourceId, String region,
                                    Verdicts.Scope scope, Status status) {
        for (CollectionError e : errors) {
            if (scope == Verdicts.Scope.ACCOUNT && (e.getResourceId() == null || e.getResourceId().equals(resourceId))) {
                return e;
            }
            if (scope == Verdicts.Scope.REGION && (e.getRegion() == null || Resource.GLOBAL.equals(e.getRegion())
                    || e.getRegion().equals(region))) {
                return e;
            }
            if (e.getResourceId() != null) {
                if (e.getResourceId().equals(resourceId)) {
                    return e;
                }
                continue;
            }
            boolean sameScope = Resource.GLOBAL.equals(e.getRegion()) || Resource.GLOBAL.equals(region)
                    || e.getRegion() == null || e.getRegion().equals(region);
            if (sameScope && status == Status.PASS) {
                return e;
            }
        }
        return null;
    }

    /** The id an ERROR finding carries for what could not be seen. */
    static String resourceOf(CollectionError e) {
        if (e.getResourceId() != null) {
            return e.getResourceId();
        }
        return e.getService() + ":" + (e.getRegion() == null ? Resource.GLOBAL : e.getRegion());
    }

    /** What an ERROR finding observed: the failed call (the service's own message is a value, kept as is). */
    static Message describe(CollectionError e) {
        String region = e.getRegion() == null ? Resource.GLOBAL : e.getRegion();
        if (NOT_COLLECTED.equals(e.getErrorCode())) {
            return Message.of("engine.not-collected", e.getService());
        }
        return e.getMessage() == null || e.getMessage().isBlank()
                ? Message.of("engine.collection-failed", e.getService(), e.getOperation(), region, e.getErrorCode())
                : Message.of("engine.collection-failed.detail", e.getService(), e.getOperation(), region,
                        e.getErrorCode(), e.getMessage());
    }
}
