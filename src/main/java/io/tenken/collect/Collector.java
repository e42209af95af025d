package io.tenken.collect;

import java.util.List;

/** Collects one service's facts. Implementations are stateless; one instance serves a scan. */
public interface Collector {
    /** Service key as used in the snapshot and in the rules' requirements (e.g. cognito-idp). */
    String service();

    /**
     * The units this service is collected in, given the regions of the scan: the regions
     * themselves for regional services, {@code ["global"]} for global ones.
     */
    default List<String> units(List<String> scanRegions) {
        return scanRegions;
    }

    /** Collects one unit (a region, or "global"), recording failures through {@code run}. */
    void collect(ServiceRun run, String unit, FactSink sink);

    /**
     * Runs once every collector has collected every unit: reads that only the resources another
     * service points at need (e.g. versioning of the buckets trails deliver to). Default: none.
     */
    default void followUp(ServiceRun run, FactSink sink) {
    }

    /** Every call {@link #collect} makes and what its failure leaves unknown; declared as {@code CALLS}. */
    default Calls calls() {
        // Undeclared calls fail closed in the engine (every kind of the service unknown where one
        // fails) and are refused by the read-only interceptor: declare them as CALLS.
        return Calls.of(service());
    }
}
