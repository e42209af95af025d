package io.tenken.collect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The API calls one collector makes, each with what its failure leaves unknown. Declared once,
 * as {@code CALLS} next to the collector that makes the calls, and read by the engine (to turn
 * a {@code CollectionError} into unknown fields or an incomplete listing) and by the read-only
 * checks. The operation is the name the collector passes to {@link ServiceRun#call}.
 * <ul>
 * <li>{@link Effect#LISTS}: a listing; failure makes the <em>completeness</em> of those kinds in
 *     that region unknown (a missing entry proves nothing);</li>
 * <li>{@link Effect#READS_ITEM}: reads one listed item; failure drops the item, so again the
 *     kinds' completeness in that region is unknown;</li>
 * <li>{@link Effect#FILLS}: fills fields of the one fact named by the error's resource id;
 *     failure makes exactly those fields of that fact unknown ({@code "*"}: all of them);</li>
 * <li>{@link Effect#FILLS_REGION}: fills fields of every fact of the kind in the region.</li>
 * </ul>
 */
public final class Calls {
    public enum Effect { LISTS, READS_ITEM, FILLS, FILLS_REGION }

    /**
     * One call: the operation label, the IAM action it needs, and what its failure leaves unknown.
     * The label is the API operation, prefixed with the service when it is not the collector's
     * own ({@code apigateway:GetStages}), and may end with a note in parentheses
     * ({@code GetAccountAuthorizationDetails (trust policy)}).
     */
    public record Call(String service, String operation, String iamAction, Effect effect, List<Class<?>> kinds,
                       List<String> fields) {
        /** The service the request goes to, as in IAM (s3, cognito-idp, apigateway, ...). */
        public String apiService() {
            String op = operation.split(" ", 2)[0];
            int colon = op.indexOf(':');
            return colon < 0 ? service : op.substring(0, colon);
        }

        /** The API operation the request is (GetStages, ListBuckets, ...). */
        public String apiOperation() {
            String op = operation.split(" ", 2)[0];
            return op.substring(op.indexOf(':') + 1);
        }
    }

    /** Calls made outside any collector: who the caller is, which regions are enabled. */
    public static final List<Call> IDENTITY = List.of(
            new Call("sts", "GetCallerIdentity", "sts:GetCallerIdentity", Effect.LISTS, List.of(), List.of()),
            new Call("ec2", "DescribeRegions", "ec2:DescribeRegions", Effect.LISTS, List.of(), List.of()));

    /**
     * Calls an organisation scan makes with the caller's own credentials (the management or a
     * delegated administrator account): granted by {@code iam/tenken-org-policy.json}, not by the
     * per-account scan policy.
     */
    public static final List<Call> ORGANIZATION = List.of(
            new Call("organizations", "ListAccounts", "organizations:ListAccounts", Effect.LISTS, List.of(), List.of()));

    /** Every call a scan may send: the identity calls and every collector's declarations. */
    public static List<Call> everyCall() {
        List<Call> out = new ArrayList<>(IDENTITY);
        catalog().forEach(c -> out.addAll(c.all()));
        return List.copyOf(out);
    }

    private final String service;
    private final List<Call> calls = new ArrayList<>();

    private Calls(String service) {
        this.service = service;
    }

    public static Calls of(String service) {
        return new Calls(service);
    }

    public Calls lists(String operation, String iamAction, Class<?>... kinds) {
        return add(operation, iamAction, Effect.LISTS, List.of(kinds), List.of());
    }

    public Calls readsItem(String operation, String iamAction, Class<?>... kinds) {
        return add(operation, iamAction, Effect.READS_ITEM, List.of(kinds), List.of());
    }

    public Calls fills(String operation, String iamAction, Class<?> kind, String... fields) {
        return add(operation, iamAction, Effect.FILLS, List.of(kind), List.of(fields));
    }

    public Calls fillsRegion(String operation, String iamAction, Class<?> kind, String... fields) {
        return add(operation, iamAction, Effect.FILLS_REGION, List.of(kind), List.of(fields));
    }

    private Calls add(String operation, String iamAction, Effect effect, List<Class<?>> kinds, List<String> fields) {
        if (find(operation) != null) {
            throw new IllegalStateException(service + " " + operation + " declared twice");
        }
        calls.add(new Call(service, operation, iamAction, effect, kinds, fields));
        return this;
    }

    public String service() {
        return service;
    }

    public List<Call> all() {
        return List.copyOf(calls);
    }

    public Call find(String operation) {
        for (Call c : calls) {
            if (c.operation().equals(operation)) {
                return c;
            }
        }
        return null;
    }

    /** Every fact kind a call of this service lists, reads or fills. */
    public Set<Class<?>> kinds() {
        Set<Class<?>> out = new LinkedHashSet<>();
        calls.forEach(c -> out.addAll(c.kinds()));
        return out;
    }

    /** Every collector's declaration, in collector order. */
    public static List<Calls> all(List<Collector> collectors) {
        return collectors.stream().map(Collector::calls).toList();
    }

    /** The declarations of the collectors {@link Scanner} runs. */
    public static List<Calls> catalog() {
        return all(Scanner.allCollectors());
    }
}
