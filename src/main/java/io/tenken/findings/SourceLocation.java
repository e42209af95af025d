package io.tenken.findings;

import java.util.List;

/**
 * Where a finding's resource is declared, for findings from templates: the template file (as
 * given, relative), the line of its logical id, the stack, the logical id, the CDK construct
 * path ({@code aws:cdk:path}), and the service defaults that applied because a property was
 * absent (e.g. {@code MfaConfiguration absent = OFF}).
 */
public record SourceLocation(String file, int line, String stack, String logicalId, String cdkPath,
                             List<String> defaults) {
    public SourceLocation {
        defaults = defaults == null ? List.of() : List.copyOf(defaults);
    }
}
