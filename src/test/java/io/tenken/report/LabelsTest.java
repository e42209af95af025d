package io.tenken.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.engine.MessageCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The words of the reports and the command line ({@code reports/i18n/labels_*.properties}): both
 * languages have every key with the same arguments, and every command-line message key the code
 * names exists (a missing one would surface as an exception instead of the user's error).
 */
class LabelsTest {
    private static final Map<String, String> EN = Labels.forLanguage("en");
    private static final Map<String, String> JA = Labels.forLanguage("ja");
    /** A string literal naming a command-line message key: "cli.x", "error.x", "interop.x". */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:cli|error|interop)\\.[A-Za-z.]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        TreeSet<String> en = keys("en");
        TreeSet<String> ja = keys("ja");
        TreeSet<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(ja);
        TreeSet<String> onlyJa = new TreeSet<>(ja);
        onlyJa.removeAll(en);
        assertEquals(List.of(), List.copyOf(onlyEn), "keys missing from labels_ja.properties");
        assertEquals(List.of(), List.copyOf(onlyJa), "keys missing from labels_en.properties");
    }

    @Test
    void bothLanguagesTakeTheSameArguments() {
        List<String> problems = new ArrayList<>();
        EN.forEach((key, pattern) -> {
            if (!MessageCatalog.placeholders(pattern).equals(MessageCatalog.placeholders(JA.get(key)))) {
                problems.add(key + ": en " + MessageCatalog.placeholders(pattern) + ", ja "
                        + MessageCatalog.placeholders(JA.get(key)));
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyMessageKeyTheCodeNamesExists() throws IOException {
        TreeSet<String> used = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> java = Files.walk(Path.of("src/main/java"))) {
            for (Path p : java.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(p));
                while (m.find()) {
                    used.add(m.group(1));
                    if (!EN.containsKey(m.group(1))) {
                        missing.add(p + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(used.size() > 50, "the scan found the keys: " + used.size());
        // The clone launcher names its sentences as `msg KEY` (launcher.KEY).
        Matcher launcher = Pattern.compile("\\$\\(msg ([A-Za-z]+)").matcher(Files.readString(Path.of("tenken")));
        int sentences = 0;
        while (launcher.find()) {
            sentences++;
            if (!EN.containsKey("launcher." + launcher.group(1))) {
                missing.add("tenken: launcher." + launcher.group(1));
            }
        }
        assertEquals(5, sentences, "the launcher's sentences");
        assertEquals(List.of(), missing);
    }

    /** Keys as written in the file (forLanguage fills a language's gaps from English). */
    private static TreeSet<String> keys(String lang) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of("reports/i18n/labels_" + lang + ".properties"))) {
            p.load(in);
        }
        TreeSet<String> out = new TreeSet<>();
        p.stringPropertyNames().forEach(out::add);
        return out;
    }
}
