package io.tenken.cli;

/**
 * Only {@link Main} decides the exit code. Rules are trusted code, but a rule (or anything it
 * calls) that ends the process must not look like a passing run to a CI gate: if the JVM
 * shuts down before the command finished, the guard halts it with exit code 2 and one line.
 */
final class ExitGuard {
    private static volatile boolean finished;

    private ExitGuard() {
    }

    static void install(String lang) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished) {
                java.util.Map<String, String> t = io.tenken.report.Labels.forLanguage(lang);
                System.err.println(io.tenken.report.Labels.format(t, "cli.error", t.get("cli.interrupted")));
                System.err.flush();
                Runtime.getRuntime().halt(ExitCodes.INPUT_ERROR);
            }
        }, "tenken-exit-guard"));
    }

    static void finished() {
        finished = true;
    }
}
