package io.tenken.cli;

import io.tenken.InvalidInputException;
import io.tenken.Version;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tenken} command line. */
@Command(name = "tenken", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Security posture compliance scanner for AWS accounts running generative-AI web apps.",
        subcommands = {ScanCommand.class, TemplateCommand.class, EvaluateCommand.class, DiffCommand.class, VerifyCommand.class, DemoCommand.class,
            RulesCommand.class, PolicyCommand.class, MergeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no FAIL at or above the --fail-on threshold (WAIVED findings do not count)",
            "1:FAIL findings at or above the threshold (with --fail-on-new: new ones since --baseline)",
            "2:usage or input error (nothing written)",
            "3:collection errors: some data could not be seen (ERROR findings)"})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        ExitGuard.install();
        int code = run(args);
        ExitGuard.finished();
        System.exit(code);
    }

    /** Runs a command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InvalidInputException) {
                cmd.getErr().println("error: " + e.getMessage());
                return ExitCodes.INPUT_ERROR;
            }
            if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                // e.g. an output directory that cannot be written: one line, no partial verdict
                cmd.getErr().println("error: " + (e.getCause() != null && e instanceof java.io.UncheckedIOException
                        ? e.getCause() : e));
                return ExitCodes.INPUT_ERROR;
            }
            throw e;
        });
        defaultExitCodes(cli);
        cli.setParameterExceptionHandler((e, args2) -> {
            printParameterError(e);
            return ExitCodes.INPUT_ERROR;
        });
        return cli.execute(args);
    }

    /** Bare {@code tenken}: usage on stderr, exit 2 (a command is required). */
    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        cli.getErr().println("error: a command is required");
        cli.usage(cli.getErr());
        return ExitCodes.INPUT_ERROR;
    }

    /** Commands whose exit codes are only "done" or "usage or input error" get that list in --help. */
    private static void defaultExitCodes(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec().usageMessage().exitCodeList().isEmpty()) {
                sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
                java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
                codes.put("0", "done");
                codes.put("2", "usage or input error (nothing written)");
                sub.getCommandSpec().usageMessage().exitCodeList(codes);
            }
            defaultExitCodes(sub);
        }
    }

    /** picocli's message, in words a user of the AWS CLI knows, with the nearest names. */
    static void printParameterError(CommandLine.ParameterException e) {
        CommandLine cmd = e.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            boolean option = arg.startsWith("-");
            boolean expectsCommand = !cmd.getSubcommands().isEmpty();
            err.println("error: unknown " + (option ? "option" : expectsCommand ? "command" : "argument") + " '" + arg + "'"
                    + (option || !expectsCommand ? " for " + cmd.getCommandSpec().qualifiedName() : ""));
            List<String> near = u.getSuggestions();
            if (!near.isEmpty()) {
                err.println("did you mean: " + String.join(", ", near.subList(0, Math.min(3, near.size()))) + "?");
            }
        } else {
            err.println("error: " + e.getMessage());
        }
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tenken " + Version.get()};
        }
    }
}
