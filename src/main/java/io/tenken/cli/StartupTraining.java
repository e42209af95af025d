package io.tenken.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run of the start-up cache (made at build time by {@code src/dist/build-dist.sh}
 * and by the {@code ./tenken} launcher; not a command): in one JVM, the demo (rule pack, engine,
 * every renderer) and then {@code template} on each given cloud assembly or template file, so the
 * classes a template run loads (the template reader, YAML, the resolver and fact mapping) are in
 * the cache too and {@code tenken template} starts as fast as {@code tenken demo}.
 * <p>
 * Usage: {@code java [cache flags] -cp tenken.jar io.tenken.cli.StartupTraining OUT_DIR [TEMPLATE_PATH...]}
 * (the same class path as {@code -jar tenken.jar}, which the cache requires).
 */
public final class StartupTraining {
    private static final String FORMATS = "html,json,sarif,junit,markdown,csv";

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: StartupTraining OUT_DIR [TEMPLATE_PATH...]");
            System.exit(ExitCodes.INPUT_ERROR);
        }
        Path out = Path.of(args[0]);
        int demo = Main.run("demo", "--out", out.resolve("demo").toString(), "--format", FORMATS);
        if (demo > ExitCodes.FAILURES) {
            System.exit(demo);
        }
        for (int i = 1; i < args.length; i++) {
            if (!Files.exists(Path.of(args[i]))) {
                continue; // a clone without test resources: the demo alone trains the cache
            }
            // Exit 3 is expected: the account-level checks are ERROR without --account-snapshot.
            int code = Main.run("template", args[i], "--out", out.resolve("template-" + i).toString(), "--format", FORMATS);
            if (code == ExitCodes.INPUT_ERROR) {
                System.exit(code);
            }
        }
        System.exit(0);
    }
}
