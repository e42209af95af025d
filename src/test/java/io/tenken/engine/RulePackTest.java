package io.tenken.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled pack is precompiled; a run-time compile of the same DRL reads the same metadata. */
class RulePackTest {

    @Test
    void bundledPackIsTheBuildTimeExecutableModel() {
        RulePack pack = RulePack.bundled();
        assertTrue(pack.isExecutableModel(), "bundled rules must load as a precompiled executable model");
        assertTrue(pack.rules().size() >= 40, "rules: " + pack.rules().size());
    }

    @Test
    void runTimeCompileGivesTheSameMetadataWithoutQuotes(@TempDir Path empty) throws Exception {
        RulePack bundled = RulePack.bundled();
        RulePack compiled = RulePack.withOverrides(Files.createDirectories(empty.resolve("rules")));
        assertEquals(bundled.rules().stream().map(r -> r.id() + r.severity() + r.concepts() + r.references()).toList(),
                compiled.rules().stream().map(r -> r.id() + r.severity() + r.concepts() + r.references()).toList());
        compiled.rules().forEach(r -> assertTrue(!r.id().contains("\""), "quoted id: " + r.id()));
        assertEquals(bundled.sha256(), compiled.sha256(), "same files, same fingerprint");
    }
}
