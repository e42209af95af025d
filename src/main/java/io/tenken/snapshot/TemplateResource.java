package io.tenken.snapshot;

import java.util.List;
import lombok.Builder;
import lombok.Value;
import lombok.extern.jackson.Jacksonized;

/**
 * A fact of a template snapshot and the template resource it was read from: findings about
 * {@link #resourceId} point at {@link #file}:{@link #line}, with the construct path and the
 * service defaults applied to absent properties.
 */
@Value
@Builder(toBuilder = true)
@Jacksonized
public class TemplateResource {
    String resourceId;
    String stack;
    String logicalId;
    String type;
    String file;
    int line;
    /** {@code Metadata["aws:cdk:path"]}; null for templates not made by the CDK. */
    String cdkPath;
    @Builder.Default List<String> defaults = List.of();
}
