package io.tenken.engine;

import io.tenken.findings.Message;
import io.tenken.findings.MessageTexts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Every message pattern of a rule pack, in every language ({@code rules/messages_<lang>.properties}).
 * {@link #check} is what makes a wrong key or a wrong number of arguments fail on the first
 * firing of the rule (every rule has fixtures, so in the tests), not in a report.
 */
public final class MessageCatalog {
    private final Map<String, MessageTexts> byLang = new LinkedHashMap<>();

    MessageCatalog(Map<String, Properties> texts) {
        Map<String, String> english = patterns(texts.get("en"));
        texts.forEach((lang, p) -> {
            // A key a language lacks reads in English (a --rules directory may bring English texts
            // only); the bundled pack has every key in every language (MessagesTest).
            Map<String, String> m = new TreeMap<>(english);
            m.putAll(patterns(p));
            byLang.put(lang, new MessageTexts(lang, m));
        });
    }

    private static Map<String, String> patterns(Properties p) {
        Map<String, String> m = new TreeMap<>();
        if (p != null) {
            p.forEach((k, v) -> m.put(k.toString(), v.toString()));
        }
        return m;
    }

    /** The patterns of {@code lang} (English for a language the pack does not have). */
    public MessageTexts texts(String lang) {
        MessageTexts t = byLang.get(lang);
        return t != null ? t : byLang.get("en");
    }

    public List<String> languages() {
        return List.copyOf(byLang.keySet());
    }

    /**
     * Throws when {@code m} (or a message inside it) has a key some language lacks, or a number
     * of arguments other than its patterns' placeholders.
     */
    public void check(Message m) {
        if (m.isList()) {
            m.items().forEach(this::check);
            return;
        }
        for (MessageTexts t : byLang.values()) {
            String pattern = t.patterns().get(m.key());
            if (pattern == null) {
                throw new IllegalStateException("message key " + m.key() + " is not in messages_en.properties");
            }
            int needed = placeholders(pattern).size();
            if (needed != m.args().size()) {
                throw new IllegalStateException("message " + m.key() + " takes " + needed + " argument(s) in messages_"
                        + t.lang() + ".properties, given " + m.args().size());
            }
        }
        m.args().stream().filter(Message.class::isInstance).map(Message.class::cast).forEach(this::check);
    }

    /** The placeholder indexes a pattern uses, e.g. [0, 1]. */
    public static TreeSet<Integer> placeholders(String pattern) {
        TreeSet<Integer> out = new TreeSet<>();
        Matcher x = MessageTexts.PLACEHOLDER.matcher(pattern);
        while (x.find()) {
            out.add(Integer.parseInt(x.group(1)));
        }
        return out;
    }
}
