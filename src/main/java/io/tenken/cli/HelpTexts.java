package io.tenken.cli;

import io.tenken.report.Labels;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code --help} texts in one language: picocli's resource bundle, read from the labels
 * ({@code help.*} in {@code reports/i18n/labels_<lang>.properties}), so the usage, the option
 * descriptions and the exit codes are message keys like everything else Tenken prints. picocli
 * asks for {@code tenken.scan.usage.description}, {@code tenken.scan.region} and then plain
 * {@code region}; an option shared by several commands has one text.
 */
final class HelpTexts extends ResourceBundle {
    private static final String PREFIX = "help.";
    private final Map<String, String> texts = new TreeMap<>();

    private HelpTexts(Map<String, String> labels) {
        labels.forEach((k, v) -> {
            if (k.startsWith(PREFIX)) {
                texts.put(k.substring(PREFIX.length()), v);
            }
        });
    }

    /** Gives {@code cli} and its subcommands the help texts of {@code lang}, exit codes included. */
    static void apply(CommandLine cli, String lang) {
        Map<String, String> labels = Labels.forLanguage(lang);
        HelpTexts bundle = new HelpTexts(labels);
        cli.setResourceBundle(bundle);
        exitCodes(cli, bundle);
    }

    /** Each command's exit codes ({@code tenken.scan.exit.N}), else "done" and "usage or input error". */
    private static void exitCodes(CommandLine cli, HelpTexts bundle) {
        CommandSpec spec = cli.getCommandSpec();
        String own = spec.qualifiedName(".") + ".exit.";
        String prefix = bundle.texts.keySet().stream().anyMatch(k -> k.startsWith(own)) ? own : "exit.default.";
        Map<String, String> codes = new LinkedHashMap<>();
        bundle.texts.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                codes.put(k.substring(prefix.length()), v);
            }
        });
        spec.usageMessage().exitCodeListHeading(bundle.texts.get("exitCodeListHeading")).exitCodeList(codes);
        cli.getSubcommands().values().forEach(sub -> exitCodes(sub, bundle));
    }

    @Override
    protected Object handleGetObject(String key) {
        return texts.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(texts.keySet());
    }
}
