package io.tenken.cli;

import io.tenken.InvalidInputException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where reports go: {@code ./tenken-report} by default, and never into Tenken's own source tree
 * (its {@code src/}, {@code rules/} or {@code reports/} folders, where a report would mix with
 * the templates it was made from) when Tenken runs from a clone.
 */
final class OutputFolder {
    static final String DEFAULT = "tenken-report";

    private OutputFolder() {
    }

    /** The folder to write to; exit 2 when it lies inside the source tree Tenken runs from. */
    static Path check(Path out) {
        Path dir = out.toAbsolutePath().normalize();
        Path root = sourceTree();
        if (root != null) {
            for (String inside : List.of("src", "rules", "reports")) {
                Path forbidden = root.resolve(inside);
                if (dir.startsWith(forbidden)) {
                    throw InvalidInputException.of("error.outInSource", out, forbidden, DEFAULT);
                }
            }
        }
        return out;
    }

    /** The clone Tenken runs from (target/tenken.jar or target/classes under it), or null. */
    static Path sourceTree() {
        try {
            Path code = Path.of(OutputFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = code.getParent();
            if (target == null || !"target".equals(String.valueOf(target.getFileName()))) {
                return null;
            }
            Path root = target.getParent();
            return root != null && Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("rules"))
                    ? root.toAbsolutePath().normalize() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
