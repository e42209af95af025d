package io.tenken.cli;

import io.tenken.InvalidInputException;
import io.tenken.Version;
import io.tenken.report.Labels;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tenken} command line. */
@Command(name = "tenken", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        subcommands = {ScanCommand.class, TemplateCommand.class, EvaluateCommand.class, DiffCommand.class, VerifyCommand.class, DemoCommand.class,
            RulesCommand.class, PolicyCommand.class, MergeCommand.class})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        ExitGuard.install(lang(args));
        int code = run(args);
        ExitGuard.finished();
        System.exit(code);
    }

    /** Runs a command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        Map<String, String> t = Labels.forLanguage(lang(args));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InvalidInputException bad) {
                cmd.getErr().println(Labels.format(t, "cli.error", bad.getMessage(lang(args))));
                return ExitCodes.INPUT_ERROR;
            }
            if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
                // e.g. an output directory that cannot be written: one line, no partial verdict
                cmd.getErr().println(Labels.format(t, "cli.error", e.getCause() != null && e instanceof java.io.UncheckedIOException
                        ? e.getCause() : e));
                return ExitCodes.INPUT_ERROR;
            }
            throw e;
        });
        HelpTexts.apply(cli, lang(args));
        cli.setParameterExceptionHandler((e, args2) -> {
            printParameterError(e, t);
            return ExitCodes.INPUT_ERROR;
        });
        return cli.execute(args);
    }

    /**
     * The language messages are printed in: the command line's {@code --lang} when it names a
     * language Tenken has, so even an error found before the options are parsed is in Japanese
     * for a {@code --lang ja} run; English otherwise.
     */
    static String lang(String... args) {
        String lang = "en";
        for (int i = 0; i < args.length; i++) {
            if ("--lang".equals(args[i]) && i + 1 < args.length) {
                lang = args[i + 1];
            } else if (args[i].startsWith("--lang=")) {
                lang = args[i].substring("--lang=".length());
            }
        }
        return "ja".equals(lang) ? "ja" : "en";
    }

    /** Bare {@code tenken}: usage on stderr, exit 2 (a command is required). */
    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        Map<String, String> t = Labels.forLanguage("en");
        cli.getErr().println(Labels.format(t, "cli.error", t.get("cli.commandRequired")));
        cli.usage(cli.getErr());
        return ExitCodes.INPUT_ERROR;
    }

    /** picocli's message, in words a user of the AWS CLI knows, with the nearest names. */
    static void printParameterError(CommandLine.ParameterException e, Map<String, String> t) {
        CommandLine cmd = e.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            boolean option = arg.startsWith("-");
            boolean expectsCommand = !cmd.getSubcommands().isEmpty();
            String key = option ? "cli.unknownOption" : expectsCommand ? "cli.unknownCommand" : "cli.unknownArgument";
            err.println(Labels.format(t, "cli.error", Labels.format(t, key, arg, name)));
            List<String> near = u.getSuggestions();
            if (!near.isEmpty()) {
                err.println(Labels.format(t, "cli.didYouMean", String.join(", ", near.subList(0, Math.min(3, near.size())))));
            }
        } else if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            CommandLine.Model.ArgSpec a = m.getMissing().get(0);
            String text = a instanceof CommandLine.Model.OptionSpec o
                    ? Labels.format(t, "cli.missingOption", o.longestName() + "=" + o.paramLabel())
                    : Labels.format(t, "cli.missingParameter", a.paramLabel());
            err.println(Labels.format(t, "cli.error", text));
        } else {
            // picocli's own wording (a value of the wrong type, a repeated option): rare, and it names the option.
            err.println(Labels.format(t, "cli.error", e.getMessage()));
        }
        err.println(Labels.format(t, "cli.tryHelp", name));
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tenken " + Version.get()};
        }
    }
}
