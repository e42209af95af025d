package io.tenken;

import io.tenken.facts.Bucket;
import io.tenken.snapshot.Facts;
import io.tenken.snapshot.ServiceStatus;
import io.tenken.snapshot.Snapshot;
import io.tenken.snapshot.SnapshotWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small complete snapshots for tests that are not about one rule. */
public final class TestSnapshots {
    /** Every service a scan collects: sts plus each collector's (declared once, in Scanner.allCollectors). */
    public static final List<String> SERVICES = java.util.stream.Stream.concat(java.util.stream.Stream.of("sts"),
            io.tenken.collect.Scanner.allCollectors().stream().map(io.tenken.collect.Collector::service)).toList();

    private TestSnapshots() {
    }

    public static Map<String, ServiceStatus> allCollected() {
        Map<String, ServiceStatus> m = new TreeMap<>();
        SERVICES.forEach(s -> m.put(s, ServiceStatus.builder().regions(List.of("ap-northeast-1")).apiCalls(3).build()));
        return m;
    }

    public static Snapshot withFacts(Facts facts) {
        return Snapshot.builder().schemaVersion(1).accountId("123456789012").regions(List.of("ap-northeast-1"))
                .collectedAt("2026-11-01T00:00:00Z").toolVersion("test").services(allCollected()).facts(facts).build();
    }

    public static Snapshot withBuckets(String... names) {
        return withFacts(Facts.builder().buckets(java.util.Arrays.stream(names)
                // ACLs disabled, as S3 creates buckets today: nothing an ACL read would decide is missing.
                .map(n -> Bucket.builder().name(n).region("ap-northeast-1").objectOwnership("BucketOwnerEnforced")
                        .build()).toList()).build());
    }

    public static Path write(Snapshot s, Path file) throws IOException {
        SnapshotWriter.write(s, file);
        return file;
    }
}
