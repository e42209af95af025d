package io.tenken.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/** How collection of one service went: which regions were read, with how many calls. */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class ServiceStatus {
    /** COMPLETE, PARTIAL (some calls failed; see errors) or FAILED. */
    @Builder.Default String status = "COMPLETE";
    @Builder.Default List<String> regions = List.of();
    long apiCalls;
    long elapsedMs;
    /** Requests sent per operation ({@code S3.GetBucketPolicy}), every attempt and page: what each call costs. */
    @Builder.Default java.util.Map<String, Long> calls = java.util.Map.of();
    /**
     * Operations deliberately not called because no check of the scan read their answer (e.g.
     * {@code GetBucketTagging}): the fields they fill are absent, not empty. Sorted.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Builder.Default List<String> notRead = List.of();
}
