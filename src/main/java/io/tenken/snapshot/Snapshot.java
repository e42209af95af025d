package io.tenken.snapshot;

import io.tenken.facts.CollectionError;
import java.util.List;
import java.util.Map;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * Evidence: an account's configuration as collected at one moment, re-evaluable offline.
 * A service missing from {@link #services} was not collected, and rules that need it report
 * ERROR rather than PASS.
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class Snapshot {
    /** Bumped on any incompatible change of this document; readers refuse newer versions. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    int schemaVersion;
    String accountId;
    @Builder.Default String partition = "aws";
    List<String> regions;
    /** ISO-8601 instant at which collection started. */
    String collectedAt;
    String toolVersion;
    String callerArn;
    /** Per-service collection status, keyed by service name (cognito-idp, s3, wafv2, ...). */
    Map<String, ServiceStatus> services;
    @Builder.Default List<CollectionError> errors = List.of();
    @Builder.Default Facts facts = Facts.builder().build();
    /** Live account or templates; absent in older snapshots, which were all live. */
    @Builder.Default SnapshotSource source = SnapshotSource.live();

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isFromTemplate() {
        return source != null && SnapshotSource.TEMPLATE.equals(source.getKind());
    }
}
