package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenken.Json;
import io.tenken.facts.CollectionError;
import io.tenken.facts.Resource;
import io.tenken.findings.Finding;
import io.tenken.findings.Status;
import io.tenken.pipeline.Analysis;
import io.tenken.pipeline.AnalysisConfig;
import io.tenken.snapshot.Facts;
import io.tenken.snapshot.LoadedSnapshot;
import io.tenken.snapshot.ServiceStatus;
import io.tenken.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The denial matrix against real collection: a GenU-shaped account in moto (hardened, so that
 * PASS verdicts exist to be falsified, with the FAILs it still has) is scanned clean once, then,
 * for every operation the collectors declare, a {@link GenuFront} answers that operation alone
 * with the service's AccessDenied (as IAM would) and proxies the rest to moto (or to the stand-ins
 * where moto lacks the API). Only the services that make the operation are scanned again; their
 * part replaces the clean scan's part, and the whole is evaluated as a scan would be. Against the
 * clean evaluation: a changed verdict must be ERROR naming the denied call as what it could not
 * read (an ERROR for anything else is one a verdict that did not read the denied data turned
 * into), no FAIL may vanish without an ERROR of its check; and the scan must record the denial as an error of a call declared for that operation,
 * on a resource that exists when the call fills one resource's fields.
 */
@ExtendWith(MotoServerExtension.class)
class LiveDenialMatrixTest {
    static final String[] REGIONS = {GenuSeed.APP, GenuSeed.MODEL};

    @Test
    void denyingAnyOneDeclaredOperationNeverGivesAFalseVerdict() {
        long t0 = System.nanoTime();
        GenuSeed.seed(GenuSeed.Profile.HARDENED);
        seedMore();
        Analysis analysis = Analysis.prepare(AnalysisConfig.defaults());
        List<String> violations = new ArrayList<>();
        Map<String, String> notSent = new TreeMap<>();
        int denied = 0;
        int turnedError = 0;
        int unchanged = 0;
        try (GenuFront front = new GenuFront()) {
            Snapshot clean = new Scanner().scan(options(front, List.of()).build());
            assertEquals(List.of(), clean.getErrors(), () -> ScanTestSupport.describe(clean.getErrors()));
            Map<String, Long> cleanHits = front.hits();
            Set<String> undeclared = new TreeSet<>(cleanHits.keySet());
            undeclared.removeAll(owners().keySet());
            undeclared.removeAll(List.of("sts:GetCallerIdentity"));
            assertEquals(Set.of(), undeclared, "requests no declared call makes");
            Map<String, Status> before = statuses(analysis, clean);
            Map<List<String>, Snapshot> cleanParts = new HashMap<>();

            front.deny("sts:GetCallerIdentity");
            assertThrows(Scanner.ScanException.class, () -> new Scanner().scan(options(front, List.of("kms")).build()),
                    "without knowing the caller no scan starts");
            front.deny("ec2:DescribeRegions");
            assertThrows(Scanner.ScanException.class, () -> new Scanner().scan(options(front, List.of("kms"))
                    .regions(List.of()).homeRegion(GenuSeed.APP).build()), "without --region, no regions: no scan");
            assertEquals(1L, front.hits().get("ec2:DescribeRegions"));
            denied += 2;

            for (Map.Entry<String, Set<String>> e : owners().entrySet()) {
                String op = e.getKey();
                List<String> services = rescanned(e.getValue());
                Snapshot cleanPart = cleanParts.computeIfAbsent(services, s -> {
                    front.deny(null);
                    return new Scanner().scan(options(front, s).build());
                });
                front.deny(op);
                Snapshot part = new Scanner().scan(options(front, services).build());
                if (front.hits().getOrDefault(op, 0L) == 0) {
                    notSent.put(op, String.join(",", services));
                    continue;
                }
                denied++;
                violations.addAll(recorded(op, part));
                Snapshot merged = merge(clean, cleanPart, part);
                List<Finding> after = analysis.report(new LoadedSnapshot(merged, "0".repeat(64))).findings();
                Map<String, Status> now = new HashMap<>();
                after.forEach(f -> now.put(f.ruleId() + " " + f.resourceId(), f.status()));
                Set<String> rulesWithError = new TreeSet<>();
                after.stream().filter(f -> f.status() == Status.ERROR).forEach(f -> rulesWithError.add(f.ruleId()));
                String apiOperation = op.substring(op.indexOf(':') + 1);
                for (Finding f : after) {
                    String key = f.ruleId() + " " + f.resourceId();
                    Status was = before.get(key);
                    if (f.status() == Status.ERROR && was != Status.ERROR
                            && !String.valueOf(f.observed()).contains(apiOperation)) {
                        violations.add(op + " denied: " + key + " " + was + " -> ERROR without naming the denied call: "
                                + f.observed());
                    }
                }
                for (Map.Entry<String, Status> v : now.entrySet()) {
                    Status was = before.get(v.getKey());
                    if (v.getValue() == Status.ERROR) {
                        turnedError += was == Status.ERROR ? 0 : 1;
                    } else if (v.getValue() == was) {
                        unchanged++;
                    } else {
                        violations.add(op + " denied: " + v.getKey() + " " + was + " -> " + v.getValue());
                    }
                }
                for (Map.Entry<String, Status> v : before.entrySet()) {
                    if (v.getValue() == Status.FAIL && !now.containsKey(v.getKey())
                            && !rulesWithError.contains(v.getKey().split(" ")[0])) {
                        violations.add(op + " denied: FAIL " + v.getKey() + " vanished without an ERROR");
                    }
                }
            }
        }
        Set<String> declared = new TreeSet<>();
        Calls.everyCall().forEach(c -> declared.add(c.apiService() + ":" + c.apiOperation()));
        System.out.printf("denial matrix (moto, GenU hardened account, %d regions): %d operations declared "
                        + "(Calls.everyCall()), %d denied alone, %d not sent by this account %s; %d verdicts turned "
                        + "ERROR, %d unchanged, %d violations; %.1f s%n", REGIONS.length, declared.size(), denied,
                notSent.size(), notSent.keySet(), turnedError, unchanged, violations.size(), (System.nanoTime() - t0) / 1e9);
        assertEquals(List.of(), violations);
        assertEquals(Map.of(), notSent, "declared operations the seeded account does not make the scan send");
        assertEquals(declared.size(), denied, "every declared operation denied");
    }

    /** The account beyond {@link GenuSeed}: what makes the remaining calls happen. */
    static void seedMore() {
        Moto.client(software.amazon.awssdk.services.securityhub.SecurityHubClient.builder(), GenuSeed.APP)
                .enableSecurityHub(r -> r.enableDefaultStandards(false));
        Moto.client(software.amazon.awssdk.services.guardduty.GuardDutyClient.builder(), GenuSeed.APP)
                .createDetector(r -> r.enable(true));
        var iam = Moto.client(software.amazon.awssdk.services.iam.IamClient.builder(), GenuSeed.MODEL);
        iam.createUser(r -> r.userName("genu-operator"));
        iam.createLoginProfile(r -> r.userName("genu-operator").password("Tenken-Operator-2026!"));
        // A bucket whose owner does not enforce ownership: its ACL is read (S3-09).
        Moto.s3(GenuSeed.APP).createBucket(r -> r.bucket("genu-legacy-exports").createBucketConfiguration(
                c -> c.locationConstraint(software.amazon.awssdk.services.s3.model.BucketLocationConstraint.AP_NORTHEAST_1)));
    }

    static ScanOptions.ScanOptionsBuilder options(GenuFront front, List<String> services) {
        return Moto.options(REGIONS).endpointUrl(front.endpoint()).services(services).rateLimited(false);
    }

    /**
     * The services to scan again when {@code owners} make the denied operation: S3's follow-up
     * reads depend on the trails and Bedrock logging collected (their destination buckets get
     * lifecycle, versioning and Object Lock read), so those three are scanned together.
     */
    static List<String> rescanned(Set<String> owners) {
        Set<String> out = new TreeSet<>(owners);
        if (out.stream().anyMatch(COUPLED::contains)) {
            out.addAll(COUPLED);
        }
        return List.copyOf(out);
    }

    static final List<String> COUPLED = List.of("s3", "cloudtrail", "bedrock");

    /** Wire operation ({@code service:Operation}) → the services whose collectors send it. */
    static Map<String, Set<String>> owners() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Calls calls : Calls.catalog()) {
            for (Calls.Call call : calls.all()) {
                out.computeIfAbsent(call.apiService() + ":" + call.apiOperation(), k -> new LinkedHashSet<>())
                        .add(calls.service());
            }
        }
        return out;
    }

    /**
     * The denial is recorded as errors, each of a call declared for the denied operation by the
     * service that recorded it, and, for a call that fills one resource's fields, on a resource
     * of the declared kind that is in the snapshot.
     */
    static List<String> recorded(String op, Snapshot part) {
        List<String> out = new ArrayList<>();
        if (part.getErrors().isEmpty()) {
            out.add(op + " denied: no collection error recorded");
        }
        for (CollectionError e : part.getErrors()) {
            Calls calls = Calls.catalog().stream().filter(c -> c.service().equals(e.getService())).findFirst().orElse(null);
            Calls.Call call = calls == null ? null : calls.find(e.getOperation());
            if (call == null || !op.equals(call.apiService() + ":" + call.apiOperation())) {
                out.add(op + " denied: error recorded as " + e.getService() + " " + e.getOperation());
                continue;
            }
            if (call.effect() == Calls.Effect.FILLS) {
                boolean exists = part.getFacts().all().stream().anyMatch(f -> call.kinds().stream().anyMatch(k -> k.isInstance(f))
                        && f instanceof Resource r && r.getResourceId().equals(e.getResourceId()));
                if (!exists) {
                    out.add(op + " denied: " + e.getOperation() + " error on " + e.getResourceId()
                            + ", no " + call.kinds() + " fact has that id");
                }
            }
        }
        return out;
    }

    static Map<String, Status> statuses(Analysis analysis, Snapshot s) {
        Map<String, Status> out = new HashMap<>();
        analysis.report(new LoadedSnapshot(s, "0".repeat(64))).findings()
                .forEach(f -> out.put(f.ruleId() + " " + f.resourceId(), f.status()));
        return out;
    }

    /**
     * The clean scan with the part its services collected replaced by what they collected under
     * the denial: every fact the clean part held is taken out, the denied part's put in.
     */
    static Snapshot merge(Snapshot clean, Snapshot cleanPart, Snapshot part) {
        JsonNode facts = merge(Json.MAPPER.valueToTree(clean.getFacts()), Json.MAPPER.valueToTree(cleanPart.getFacts()),
                Json.MAPPER.valueToTree(part.getFacts()));
        Map<String, ServiceStatus> services = new TreeMap<>(clean.getServices());
        services.putAll(part.getServices());
        try {
            return clean.toBuilder().facts(Json.MAPPER.treeToValue(facts, Facts.class)).services(services)
                    .errors(part.getErrors()).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode merge(JsonNode full, JsonNode cleanPart, JsonNode part) {
        full = full == null ? NullNode.getInstance() : full;
        cleanPart = cleanPart == null ? NullNode.getInstance() : cleanPart;
        part = part == null ? NullNode.getInstance() : part;
        if (full.isArray() || part.isArray()) {
            ArrayNode out = full.isArray() ? ((ArrayNode) full).deepCopy() : Json.MAPPER.createArrayNode();
            for (JsonNode x : cleanPart) {
                int i = indexOf(out, x);
                if (i < 0) {
                    throw new IllegalStateException("the service scanned alone collected what the whole scan did not: " + x);
                }
                out.remove(i);
            }
            part.forEach(out::add);
            return out;
        }
        if (full.isObject() && cleanPart.isObject() && part.isObject()) {
            ObjectNode out = ((ObjectNode) full).deepCopy();
            Set<String> names = new TreeSet<>();
            for (JsonNode n : List.of(full, cleanPart, part)) {
                for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                    names.add(it.next());
                }
            }
            for (String name : names) {
                out.set(name, merge(full.get(name), cleanPart.get(name), part.get(name)));
            }
            return out;
        }
        return cleanPart.equals(part) ? full : part;
    }

    private static int indexOf(ArrayNode a, JsonNode x) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals(x)) {
                return i;
            }
        }
        return -1;
    }
}
