package io.tenken.snapshot;

import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * Where a snapshot's facts came from: a live account ({@code live}, what every snapshot without
 * this field is) or templates read before deployment ({@code template}, with the paths given, as
 * typed, and the stacks read). A template snapshot says what is about to be deployed, not what is.
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class SnapshotSource {
    public static final String LIVE = "live";
    public static final String TEMPLATE = "template";

    /** {@link #LIVE} or {@link #TEMPLATE}. */
    @Builder.Default String kind = LIVE;
    /** For templates: the cloud assembly directories and template files read. */
    @Builder.Default List<String> inputs = List.of();
    /** For templates: STACK names (artifact ids) whose templates were read, nested stacks included. */
    @Builder.Default List<String> stacks = List.of();
    /** For templates with --account-snapshot: the sha256 of the live snapshot whose account-level facts were added. */
    String accountSnapshotSha256;
    /** For templates: the template file of each stack (as given, '/' separators), in stack-name order. */
    @Builder.Default List<String> templates = List.of();
    /** For templates: every fact's resource id with the template resource it comes from. */
    @Builder.Default List<TemplateResource> resources = List.of();

    public static SnapshotSource live() {
        return SnapshotSource.builder().build();
    }
}
