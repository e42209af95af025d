package io.tenken;

import io.tenken.findings.Message;
import io.tenken.findings.MessageTexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The bundled message texts, for tests that read evidence as a person would. */
public final class TestTexts {
    public static final MessageTexts EN = load("en");
    public static final MessageTexts JA = load("ja");

    private TestTexts() {
    }

    /** {@code m} in English. */
    public static String en(Message m) {
        return EN.format(m);
    }

    public static Map<String, String> patterns(String lang) {
        return load(lang).patterns();
    }

    private static MessageTexts load(String lang) {
        String name = "rules/messages_" + lang + ".properties";
        try (InputStream in = TestTexts.class.getClassLoader().getResourceAsStream(name)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new TreeMap<>();
            p.forEach((k, v) -> m.put(k.toString(), v.toString()));
            return new MessageTexts(lang, m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
