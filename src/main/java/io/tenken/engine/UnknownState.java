package io.tenken.engine;

import io.tenken.collect.Calls;
import io.tenken.facts.AccountSettings;
import io.tenken.facts.CollectionError;
import io.tenken.facts.Fallible;
import io.tenken.facts.Reads;
import io.tenken.facts.Resource;
import io.tenken.facts.Unknown;
import io.tenken.snapshot.Snapshot;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a snapshot leaves unknown, in the one model the engine enforces: fields of facts
 * ({@link Fallible#getUnknown()}) and kinds whose listing in a region is incomplete. Built from
 * the unknown fields the facts already carry (a template source writes them) and from the
 * snapshot's collection errors, mapped through the collectors' {@link Calls} declarations: a
 * failed {@code GetBucketLifecycleConfiguration} makes only {@code lifecycleExpirationDays} of
 * that bucket unknown, a failed listing makes the completeness of its kinds in its region
 * unknown. Errors the declarations do not know (older snapshots, a crashed collector) fail
 * closed: every field of the named resource, or every kind of the service in the region.
 */
final class UnknownState {
    /** Region key for "every region" (a service that was not collected at all). */
    static final String EVERY_REGION = "*";
    static final String NOT_COLLECTED = "NotCollected";

    private final List<Object> facts;
    private final Map<Class<?>, Map<String, Unknown>> incomplete;
    private final Map<Class<?>, String> serviceOfKind;

    private UnknownState(List<Object> facts, Map<Class<?>, Map<String, Unknown>> incomplete,
                         Map<Class<?>, String> serviceOfKind) {
        this.facts = facts;
        this.incomplete = incomplete;
        this.serviceOfKind = serviceOfKind;
    }

    /** The facts to insert, with every unknown field applied. */
    List<Object> facts() {
        return facts;
    }

    /** Region → why the listing of {@code kind} (or a supertype's) is incomplete there. */
    Map<String, Unknown> incomplete(Class<?> kind) {
        Map<String, Unknown> out = new TreeMap<>();
        incomplete.forEach((k, byRegion) -> {
            if (kind.isAssignableFrom(k) || k.isAssignableFrom(kind)) {
                byRegion.forEach(out::putIfAbsent);
            }
        });
        return out;
    }

    String serviceOf(Class<?> kind) {
        return serviceOfKind.getOrDefault(kind, kind.getSimpleName());
    }

    /**
     * @param requiredServices services the rules need besides the catalogue's
     * @param notCollected whether a service missing from the snapshot's services counts as unknown
     *     everywhere (evaluation: yes; annotating a partial scan's evidence: no)
     */
    static UnknownState derive(Snapshot snapshot, List<Calls> catalog, List<String> requiredServices,
                               boolean notCollected) {
        List<Object> facts = new ArrayList<>(snapshot.getFacts().all());
        if (snapshot.getFacts().getAccountSettings() == null) {
            // Account-level rules (e.g. "a trail is logging") must fire even when the snapshot
            // has no account settings, or "no trail" would read as NOT_APPLICABLE.
            facts.add(0, AccountSettings.builder().accountId(snapshot.getAccountId())
                    .partition(snapshot.getPartition()).build());
        }
        Map<String, Calls> byService = new HashMap<>();
        Map<Class<?>, String> serviceOfKind = new HashMap<>();
        for (Calls c : catalog) {
            byService.put(c.service(), c);
            c.kinds().forEach(k -> serviceOfKind.putIfAbsent(k, c.service()));
        }
        Map<String, List<Integer>> byId = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i) instanceof Fallible f && f.getResourceId() != null) {
                byId.computeIfAbsent(f.getResourceId(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, Map<String, Unknown>> added = new HashMap<>();
        Map<Class<?>, Map<String, Unknown>> incomplete = new LinkedHashMap<>();
        List<CollectionError> errors = new ArrayList<>(snapshot.getErrors());
        java.util.TreeSet<String> services = new java.util.TreeSet<>(byService.keySet());
        services.addAll(requiredServices);
        for (String service : services) {
            if (notCollected && snapshot.getServices() != null && !snapshot.getServices().containsKey(service)) {
                errors.add(CollectionError.builder().service(service).region(EVERY_REGION).operation("-")
                        .errorCode(NOT_COLLECTED).message("service not collected in this snapshot").build());
            }
        }
        for (CollectionError e : errors) {
            Unknown why = Unknown.of(e);
            if (writtenOnFacts(e, why, facts, byId)) {
                continue; // the source wrote which fields it leaves unknown: those, not the whole resource
            }
            String region = e.getRegion() == null ? Resource.GLOBAL : e.getRegion();
            Calls calls = byService.get(e.getService());
            Calls.Call call = calls == null ? null : calls.find(e.getOperation());
            if (call == null) {
                failClosed(e, why, region, calls, facts, byId, added, incomplete);
                continue;
            }
            switch (call.effect()) {
                case LISTS -> call.kinds().forEach(k -> markIncomplete(incomplete, k, region, why));
                case READS_ITEM -> {
                    // The item read failed: a fact still there is wholly unknown, a dropped one
                    // leaves its kind's listing incomplete.
                    List<Integer> named = named(e, call.kinds(), facts, byId);
                    if (named.isEmpty()) {
                        call.kinds().forEach(k -> markIncomplete(incomplete, k, region, why));
                    }
                    named.forEach(i -> mark(added, i, Fallible.ALL_FIELDS, why));
                }
                case FILLS -> {
                    if (e.getResourceId() == null) {
                        failClosed(e, why, region, calls, facts, byId, added, incomplete);
                        continue;
                    }
                    List<Integer> named = named(e, call.kinds(), facts, byId);
                    if (named.isEmpty()) {
                        // The fact the call would have filled is not there: its kind is incomplete.
                        call.kinds().forEach(k -> markIncomplete(incomplete, k, region, why));
                    }
                    named.forEach(i -> call.fields().forEach(f -> mark(added, i, f, why)));
                }
                case FILLS_REGION -> forEachInRegion(facts, call.kinds(), region,
                        i -> call.fields().forEach(f -> mark(added, i, f, why)));
            }
        }
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i) instanceof Fallible f) {
                Map<String, Unknown> merged = new TreeMap<>(f.getUnknown() == null ? Map.of() : f.getUnknown());
                added.getOrDefault(i, Map.of()).forEach(merged::putIfAbsent);
                // A field whose getter does not report reads cannot be tracked: the whole fact is unknown.
                for (Map.Entry<String, Unknown> u : List.copyOf(merged.entrySet())) {
                    if (!Fallible.ALL_FIELDS.equals(u.getKey()) && !reportsReads(f.getClass(), u.getKey())) {
                        merged.putIfAbsent(Fallible.ALL_FIELDS, u.getValue());
                    }
                }
                if (!merged.equals(f.getUnknown() == null ? Map.of() : f.getUnknown())) {
                    facts.set(i, f.withUnknown(java.util.Collections.unmodifiableMap(merged)));
                }
            }
        }
        return new UnknownState(List.copyOf(facts), incomplete, serviceOfKind);
    }

    /**
     * Whether an unresolved template value is already written on the fields it fills: the facts
     * the error names carry it (same expression, same file:line) in their unknown map.
     */
    private static boolean writtenOnFacts(CollectionError e, Unknown why, List<Object> facts,
                                          Map<String, List<Integer>> byId) {
        if (!Unknown.UNRESOLVED_CODE.equals(e.getErrorCode()) || e.getResourceId() == null) {
            return false;
        }
        List<Integer> named = byId.getOrDefault(e.getResourceId(), List.of());
        return !named.isEmpty() && named.stream().allMatch(i -> ((Fallible) facts.get(i)).getUnknown() != null
                && ((Fallible) facts.get(i)).getUnknown().containsValue(why));
    }

    /** An error the declarations do not describe: everything it could have touched is unknown. */
    private static void failClosed(CollectionError e, Unknown why, String region, Calls calls, List<Object> facts,
                                   Map<String, List<Integer>> byId, Map<Integer, Map<String, Unknown>> added,
                                   Map<Class<?>, Map<String, Unknown>> incomplete) {
        List<Integer> named = e.getResourceId() == null ? List.of() : byId.getOrDefault(e.getResourceId(), List.of());
        if (!named.isEmpty()) {
            named.forEach(i -> mark(added, i, Fallible.ALL_FIELDS, why));
            return;
        }
        if (calls == null) {
            // A service this Tenken does not know: nothing may rely on any listing.
            markIncomplete(incomplete, Object.class, region, why);
            return;
        }
        for (Calls.Call call : calls.all()) {
            switch (call.effect()) {
                case LISTS, READS_ITEM -> {
                    call.kinds().forEach(k -> markIncomplete(incomplete, k, region, why));
                    forEachInRegion(facts, call.kinds(), region, i -> mark(added, i, Fallible.ALL_FIELDS, why));
                }
                case FILLS, FILLS_REGION -> forEachInRegion(facts, call.kinds(), region,
                        i -> call.fields().forEach(f -> mark(added, i, f, why)));
            }
        }
    }

    private static List<Integer> named(CollectionError e, List<Class<?>> kinds, List<Object> facts,
                                       Map<String, List<Integer>> byId) {
        if (e.getResourceId() == null) {
            return List.of();
        }
        // The fact the call concerns is the one in the region the call was made in: the same
        // identifier seen from another region (a stand-in, a global ARN) is another fact.
        String region = e.getRegion();
        return byId.getOrDefault(e.getResourceId(), List.of()).stream()
                .filter(i -> kinds.stream().anyMatch(k -> k.isInstance(facts.get(i))))
                .filter(i -> region == null || Resource.GLOBAL.equals(region) || EVERY_REGION.equals(region)
                        || !(facts.get(i) instanceof Resource r) || r.getRegion() == null
                        || Resource.GLOBAL.equals(r.getRegion()) || region.equals(r.getRegion()))
                .toList();
    }

    private static void forEachInRegion(List<Object> facts, List<Class<?>> kinds, String region,
                                        java.util.function.IntConsumer action) {
        for (int i = 0; i < facts.size(); i++) {
            Object f = facts.get(i);
            if (f instanceof Resource r && kinds.stream().anyMatch(k -> k.isInstance(f))
                    && (EVERY_REGION.equals(region) || r.getRegion() == null || region.equals(r.getRegion())
                        || Resource.GLOBAL.equals(region) || Resource.GLOBAL.equals(r.getRegion()))) {
                action.accept(i);
            }
        }
    }

    private static void mark(Map<Integer, Map<String, Unknown>> added, int i, String field, Unknown why) {
        added.computeIfAbsent(i, k -> new TreeMap<>()).putIfAbsent(field, why);
    }

    private static void markIncomplete(Map<Class<?>, Map<String, Unknown>> incomplete, Class<?> kind, String region,
                                       Unknown why) {
        incomplete.computeIfAbsent(kind, k -> new TreeMap<>()).putIfAbsent(region, why);
    }

    private static final Map<String, Boolean> REPORTS = new ConcurrentHashMap<>();

    /**
     * Whether the getter of {@code field} reports its reads, found by probing: a fact of the class
     * with only that field unknown, read once inside a read log.
     */
    static boolean reportsReads(Class<?> kind, String field) {
        return REPORTS.computeIfAbsent(kind.getName() + "#" + field, k -> probe(kind, field));
    }

    private static boolean probe(Class<?> kind, String field) {
        Method getter = getter(kind, field);
        if (getter == null) {
            return false;
        }
        try {
            Object builder = kind.getMethod("builder").invoke(null);
            Fallible blank = (Fallible) builder.getClass().getMethod("build").invoke(builder);
            Fallible probe = blank.withUnknown(Map.of(field, Unknown.builder().source("probe").build()));
            Reads.Log log = Reads.begin();
            try {
                getter.invoke(probe);
            } finally {
                Reads.end();
            }
            return !log.reads().isEmpty();
        } catch (ReflectiveOperationException | ClassCastException e) {
            return false;
        }
    }

    static Method getter(Class<?> kind, String field) {
        if (field.isEmpty()) {
            return null;
        }
        String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (String name : List.of("get" + cap, "is" + cap)) {
            try {
                return kind.getMethod(name);
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return null;
    }
}
