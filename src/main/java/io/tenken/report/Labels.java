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
final class Labels {
    private Labels() {
    }

    static Map<String, String> forLanguage(String lang) {
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
