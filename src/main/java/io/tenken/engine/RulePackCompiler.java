package io.tenken.engine;

import io.tenken.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drools.compiler.kie.builder.impl.InternalKieModule;

/**
 * Build-time step (run by exec-maven-plugin at process-classes): compiles {@code rules/*.drl}
 * into an executable-model kjar inside the jar, so {@code tenken} never compiles DRL at start-up.
 * A DRL error fails the build with the file and line.
 */
public final class RulePackCompiler {
    private RulePackCompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: RulePackCompiler RULES_DIR OUTPUT_KJAR");
            System.exit(2);
        }
        Path rulesDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<DrlSource> sources = RuleSources.fromDirectory(rulesDir);
        if (sources.isEmpty()) {
            System.err.println(rulesDir + ": no .drl files");
            System.exit(2);
        }
        InternalKieModule module;
        try {
            module = KjarBuilder.build(sources, RulePack.BUNDLED_VERSION);
        } catch (InvalidInputException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(out.getParent());
        Files.write(out, module.getBytes());
        Files.write(out.resolveSibling(RulePack.FILE_INDEX),
                sources.stream().map(DrlSource::name).toList());
        System.out.println("rule pack: " + sources.size() + " DRL files -> " + out);
        System.exit(0);
    }
}
