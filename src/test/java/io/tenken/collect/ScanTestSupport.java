package io.tenken.collect;

import io.tenken.facts.CollectionError;
import io.tenken.snapshot.Snapshot;
import java.util.List;
import java.util.stream.Collectors;

/** Runs a scan of the test moto server limited to some services. */
final class ScanTestSupport {
    private ScanTestSupport() {
    }

    static Snapshot scan(List<String> services, String... regions) {
        return new Scanner().scan(Moto.options(regions).services(services).build());
    }

    static String describe(List<CollectionError> errors) {
        return errors.stream().map(e -> e.getService() + " " + e.getRegion() + " " + e.getOperation() + " "
                + e.getErrorCode() + " " + e.getResourceId() + " " + e.getMessage()).collect(Collectors.joining("\n"));
    }
}
