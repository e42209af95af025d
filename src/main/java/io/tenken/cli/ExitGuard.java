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

    static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished) {
                System.err.println("error: the run was ended before it finished (a rule or library ended the "
                        + "process, or it was interrupted); no verdict");
                System.err.flush();
                Runtime.getRuntime().halt(ExitCodes.INPUT_ERROR);
            }
        }, "tenken-exit-guard"));
    }

    static void finished() {
        finished = true;
    }
}
