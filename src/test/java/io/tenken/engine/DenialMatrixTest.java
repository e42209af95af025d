package io.tenken.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenken.Json;
import io.tenken.collect.Calls;
import io.tenken.facts.CollectionError;
import io.tenken.facts.Resource;
import io.tenken.findings.Finding;
import io.tenken.findings.Status;
import io.tenken.policy.Policy;
import io.tenken.snapshot.Facts;
import io.tenken.snapshot.Snapshot;
import io.tenken.snapshot.SnapshotReader;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The engine's half of the denial matrix: for every call the collectors declare, on the GenU
 * demo snapshots, fail it alone as the collector would see it (a listing: its facts in that
 * region are gone; an item read: that item is gone; a field read: the fact stays, the field is
 * unknown) and compare with the clean evaluation. No verdict may turn into a different PASS or
 * FAIL, no FAIL may vanish without an ERROR of its check, and every changed verdict is ERROR.
 * (Against moto with IAM enforcement, the same matrix needs the live collectors: not done here.)
 */
class DenialMatrixTest {
    record Outcome(int denials, int changedToError, int unchanged, List<String> violations) {
    }

    @Test
    void denyingAnyOneDeclaredCallNeverGivesAFalseVerdict() throws Exception {
        RulePack pack = RulePack.bundled();
        Evaluator evaluator = new Evaluator(pack);
        int denials = 0;
        int changed = 0;
        int unchanged = 0;
        List<String> violations = new ArrayList<>();
        for (String sample : List.of("genu-default", "genu-hardened")) {
            Snapshot clean = SnapshotReader.read(Path.of("src/main/resources/demo", sample + ".snapshot.json")).snapshot();
            Map<String, Status> before = statuses(evaluator.evaluate(clean, Policy.defaults()));
            for (Calls calls : Calls.catalog()) {
                if (!clean.getServices().containsKey(calls.service())) {
                    continue; // not in this (older) snapshot: every kind of it is unknown already
                }
                for (Calls.Call call : calls.all()) {
                    for (Snapshot denied : denials(clean, calls.service(), call)) {
                        denials++;
                        List<Finding> after = evaluator.evaluate(denied, Policy.defaults());
                        Map<String, Status> now = statuses(after);
                        Set<String> rulesWithError = new TreeSet<>();
                        after.stream().filter(f -> f.status() == Status.ERROR).forEach(f -> rulesWithError.add(f.ruleId()));
                        for (Map.Entry<String, Status> e : now.entrySet()) {
                            Status was = before.get(e.getKey());
                            if (e.getValue() == Status.ERROR) {
                                if (was != Status.ERROR) {
                                    changed++;
                                }
                            } else if (was == e.getValue()) {
                                unchanged++;
                            } else {
                                violations.add(sample + " " + call.operation() + ": " + e.getKey() + " " + was + " -> "
                                        + e.getValue());
                            }
                        }
                        before.forEach((k, v) -> {
                            if (v == Status.FAIL && !now.containsKey(k) && !rulesWithError.contains(k.split(" ")[0])) {
                                violations.add(sample + " " + call.operation() + ": FAIL " + k + " vanished without an ERROR");
                            }
                        });
                    }
                }
            }
        }
        System.out.printf("denial matrix (engine, GenU demo snapshots): %d denials; %d verdicts became ERROR, "
                + "%d unchanged, %d false verdicts%n", denials, changed, unchanged, violations.size());
        assertEquals(List.of(), violations);
    }

    static Map<String, Status> statuses(List<Finding> findings) {
        Map<String, Status> out = new HashMap<>();
        findings.forEach(f -> out.put(f.ruleId() + " " + f.resourceId(), f.status()));
        return out;
    }

    /** The snapshot as the collector would have written it had {@code call} failed, once per place. */
    static List<Snapshot> denials(Snapshot clean, String service, Calls.Call call) throws Exception {
        List<Snapshot> out = new ArrayList<>();
        ObjectNode facts = Json.MAPPER.valueToTree(clean.getFacts());
        Map<String, Class<?>> lists = listKinds();
        List<String> regions = new ArrayList<>(clean.getRegions());
        regions.add(Resource.GLOBAL);
        switch (call.effect()) {
            case LISTS, FILLS_REGION -> {
                for (String region : regions) {
                    ObjectNode f = facts.deepCopy();
                    boolean touched = false;
                    if (call.effect() == Calls.Effect.LISTS) {
                        for (Map.Entry<String, Class<?>> l : lists.entrySet()) {
                            if (call.kinds().contains(l.getValue()) && f.get(l.getKey()) instanceof ArrayNode a) {
                                touched |= removeIf(a, n -> region.equals(regionOf(n)) || Resource.GLOBAL.equals(region));
                            }
                        }
                    }
                    if (touched || call.effect() == Calls.Effect.FILLS_REGION || region.equals(regions.get(0))) {
                        out.add(with(clean, f, error(service, call, region, null)));
                    }
                }
            }
            case READS_ITEM, FILLS -> {
                int n = 0;
                for (Map.Entry<String, Class<?>> l : lists.entrySet()) {
                    if (!call.kinds().contains(l.getValue()) || !(facts.get(l.getKey()) instanceof ArrayNode a)) {
                        continue;
                    }
                    for (int i = 0; i < a.size() && n < 3; i++, n++) {
                        Object fact = Json.MAPPER.treeToValue(a.get(i), l.getValue());
                        if (!(fact instanceof Resource r)) {
                            continue;
                        }
                        ObjectNode f = facts.deepCopy();
                        if (call.effect() == Calls.Effect.READS_ITEM) {
                            ((ArrayNode) f.get(l.getKey())).remove(i);
                        }
                        String region = r.getRegion() == null ? Resource.GLOBAL : r.getRegion();
                        out.add(with(clean, f, error(service, call, region, r.getResourceId())));
                    }
                }
                if (call.kinds().stream().anyMatch(k -> k == io.tenken.facts.AccountSettings.class)) {
                    out.add(with(clean, facts.deepCopy(), error(service, call, Resource.GLOBAL,
                            "arn:aws:iam::" + clean.getAccountId() + ":root")));
                }
            }
        }
        return out;
    }

    static CollectionError error(String service, Calls.Call call, String region, String resourceId) {
        return CollectionError.builder().service(service).region(region).operation(call.operation())
                .errorCode("AccessDenied").message("denied in the matrix").resourceId(resourceId).build();
    }

    static Snapshot with(Snapshot clean, ObjectNode facts, CollectionError e) throws Exception {
        List<CollectionError> errors = new ArrayList<>(clean.getErrors());
        errors.add(e);
        return clean.toBuilder().facts(Json.MAPPER.treeToValue(facts, Facts.class)).errors(errors).build();
    }

    static String regionOf(JsonNode n) {
        for (String k : List.of("region", "homeRegion")) {
            if (n.hasNonNull(k)) {
                return n.get(k).asText();
            }
        }
        return Resource.GLOBAL;
    }

    static boolean removeIf(ArrayNode a, java.util.function.Predicate<JsonNode> p) {
        boolean removed = false;
        for (int i = a.size() - 1; i >= 0; i--) {
            if (p.test(a.get(i))) {
                a.remove(i);
                removed = true;
            }
        }
        return removed;
    }

    /** Facts list property → its element kind. */
    static Map<String, Class<?>> listKinds() {
        Map<String, Class<?>> out = new HashMap<>();
        for (var m : Facts.class.getMethods()) {
            if (m.getName().startsWith("get") && m.getReturnType() == List.class
                    && m.getGenericReturnType() instanceof ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
                out.put(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4), c);
            }
        }
        return out;
    }
}
