package io.tenken.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The report UI's words in one language, from {@code reports/i18n/labels_<lang>.properties}. */
public final class Labels {
    private Labels() {
    }

    /** {@code key}'s label with {0}, {1}, ... replaced by {@code args} (inserted verbatim). */
    public static String format(Map<String, String> t, String key, Object... args) {
        String pattern = t.get(key);
        if (pattern == null) {
            throw new IllegalStateException("no label " + key);
        }
        java.util.regex.Matcher x = io.tenken.findings.MessageTexts.PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (x.find()) {
            x.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    String.valueOf(args[Integer.parseInt(x.group(1))])));
        }
        return x.appendTail(out).toString();
    }

    /** The labels of {@code lang} as message texts, for messages with nested messages as arguments. */
    public static io.tenken.findings.MessageTexts texts(String lang) {
        return new io.tenken.findings.MessageTexts(lang, forLanguage(lang));
    }

    public static Map<String, String> forLanguage(String lang) {
        Map<String, String> out = new TreeMap<>(load("en"));
        if (!"en".equals(lang)) {
            out.putAll(load(lang));
        }
        return out;
    }

    private static Map<String, String> load(String lang) {
        String name = "reports/i18n/labels_" + lang + ".properties";
        try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new TreeMap<>();
            p.forEach((k, v) -> m.put(k.toString(), v.toString()));
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
