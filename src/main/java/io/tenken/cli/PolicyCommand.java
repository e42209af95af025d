package io.tenken.cli;

import io.tenken.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tenken policy init}: the default policy file, every key commented. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        subcommands = {PolicyCommand.Init.class})
final class PolicyCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "init", mixinStandardHelpOptions = true)
    static final class Init implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE")
        Path out = Path.of("tenken-policy.yaml");

        @Option(names = "--force")
        boolean force;

        @Override
        public Integer call() throws IOException {
            if (Files.isSymbolicLink(out)) {
                // Never write through a link: it could point anywhere (even with --force).
                throw InvalidInputException.of("error.symlink", out);
            }
            if (Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !force) {
                throw InvalidInputException.of("error.exists", out);
            }
            try (InputStream in = PolicyCommand.class.getClassLoader().getResourceAsStream("tenken/policy-default.yaml")) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled tenken/policy-default.yaml");
                }
                // A temp file renamed over the target replaces a file, never follows a link.
                io.tenken.AtomicFiles.write(out, in.readAllBytes());
            }
            System.out.println("wrote " + out + "; use it with --policy " + out);
            return ExitCodes.OK;
        }
    }
}
