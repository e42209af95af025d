package io.tenken.cli;

import io.tenken.InvalidInputException;
import io.tenken.Version;
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
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InvalidInputException) {
                cmd.getErr().println("error: " + e.getMessage());
                return ExitCodes.INPUT_ERROR;
            }
            throw e;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return ExitCodes.INPUT_ERROR;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tenken " + Version.get()};
        }
    }
}
