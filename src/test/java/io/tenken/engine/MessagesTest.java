package io.tenken.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tenken.TestTexts;
import io.tenken.findings.Message;
import io.tenken.findings.MessageTexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message exists in both languages with the same arguments, and every key the rules use exists. */
class MessagesTest {
    private static final Map<String, String> EN = TestTexts.patterns("en");
    private static final Map<String, String> JA = TestTexts.patterns("ja");
    /** A string literal shaped like a message key: rule id or helper prefix, dot, name. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:[A-Z][A-Z0-9]*-\\d+|IAM|POLICY|engine)\\.[a-z][a-z0-9.-]*)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        TreeSet<String> onlyEn = new TreeSet<>(EN.keySet());
        onlyEn.removeAll(JA.keySet());
        TreeSet<String> onlyJa = new TreeSet<>(JA.keySet());
        onlyJa.removeAll(EN.keySet());
        assertEquals(List.of(), List.copyOf(onlyEn), "keys missing from messages_ja.properties");
        assertEquals(List.of(), List.copyOf(onlyJa), "keys missing from messages_en.properties");
    }

    @Test
    void bothLanguagesTakeTheSameArgumentsNumberedFromZero() {
        List<String> problems = new ArrayList<>();
        for (String key : EN.keySet()) {
            TreeSet<Integer> en = MessageCatalog.placeholders(EN.get(key));
            TreeSet<Integer> ja = MessageCatalog.placeholders(JA.getOrDefault(key, ""));
            if (!en.equals(ja)) {
                problems.add(key + ": en " + en + ", ja " + ja);
            }
            if (!en.isEmpty() && (en.first() != 0 || en.last() != en.size() - 1)) {
                problems.add(key + ": placeholders " + en + " are not {0}..{" + (en.size() - 1) + "}");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyKeyTheRulesAndHelpersUseExists() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> drl = Files.list(Path.of("rules"))) {
            drl.filter(p -> p.toString().endsWith(".drl")).forEach(sources::add);
        }
        for (String dir : List.of("src/main/java/io/tenken/checks", "src/main/java/io/tenken/engine")) {
            try (Stream<Path> java = Files.list(Path.of(dir))) {
                java.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        TreeSet<String> used = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (Path p : sources) {
            Matcher m = KEY_LITERAL.matcher(Files.readString(p));
            while (m.find()) {
                used.add(m.group(1));
                if (!EN.containsKey(m.group(1))) {
                    missing.add(p + ": " + m.group(1));
                }
            }
        }
        assertTrue(used.size() > 150, "the scan found the keys: " + used.size());
        assertEquals(List.of(), missing);
    }

    @Test
    void aWrongKeyOrArgumentCountFailsTheVerdict() {
        Properties en = new Properties();
        en.setProperty("X-01.observed", "seen {0}");
        Properties ja = new Properties();
        ja.setProperty("X-01.observed", "観測 {0}");
        MessageCatalog c = new MessageCatalog(new java.util.LinkedHashMap<>(Map.of("en", en, "ja", ja)));
        c.check(Message.of("X-01.observed", "a"));
        assertThrows(IllegalStateException.class, () -> c.check(Message.of("X-01.observed")));
        assertThrows(IllegalStateException.class, () -> c.check(Message.of("X-01.observed", "a", "b")));
        assertThrows(IllegalStateException.class, () -> c.check(Message.of("X-01.nope")));
        assertThrows(IllegalStateException.class, () -> c.check(Message.of("X-01.observed", Message.of("X-01.nope"))));
    }

    @Test
    void valuesAreInsertedVerbatimAndMessagesInTheirLanguage() {
        MessageTexts ja = TestTexts.JA;
        Message m = Message.of("IAM-07.user", "<b>{1}</b>", Message.list(List.of(
                Message.of("IAM-07.last-used", Message.of("IAM-07.console-password"), 3),
                Message.of("IAM-07.no-credentials"))));
        assertEquals("ユーザー <b>{1}</b>: コンソールパスワードの最終使用は 3 日前；コンソールパスワードも有効なアクセスキーもない",
                ja.format(m));
        assertEquals("user '<b>{1}</b>': console password last used 3 days ago; no console password and no active access key",
                TestTexts.EN.format(m));
    }
}
