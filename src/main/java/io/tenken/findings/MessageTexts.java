package io.tenken.findings;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message patterns of one language: what a renderer formats evidence and rule titles with.
 * A pattern's placeholders are {@code {0}}, {@code {1}}, ...; nothing else in it is special, so
 * quotes, braces in JSON snippets and apostrophes need no escaping.
 */
public record MessageTexts(String lang, Map<String, String> patterns) {
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    public MessageTexts {
        patterns = Map.copyOf(patterns);
    }

    /** {@code m} in this language; an unknown key is a bug in the rule pack, never shown as a key. */
    public String format(Message m) {
        if (m.isList()) {
            StringBuilder sb = new StringBuilder();
            for (Object a : m.args()) {
                if (!sb.isEmpty()) {
                    sb.append(separator());
                }
                sb.append(format((Message) a));
            }
            return sb.toString();
        }
        String pattern = patterns.get(m.key());
        if (pattern == null) {
            throw new IllegalStateException("no " + lang + " text for message key " + m.key());
        }
        List<Object> args = m.args();
        Matcher x = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        while (x.find()) {
            int i = Integer.parseInt(x.group(1));
            if (i >= args.size()) {
                throw new IllegalStateException("message " + m.key() + " needs argument {" + i + "}, has " + args.size());
            }
            Object a = args.get(i);
            x.appendReplacement(out, Matcher.quoteReplacement(a instanceof Message inner ? format(inner) : (String) a));
        }
        x.appendTail(out);
        return out.toString();
    }

    /** Null-safe {@link #format(Message)} for templates. */
    public String text(Message m) {
        return m == null ? "" : format(m);
    }

    /** A rule's title in this language (the rule id when the pack has none). */
    public String title(String ruleId) {
        return patterns.getOrDefault(ruleId + ".title", ruleId);
    }

    private String separator() {
        return "ja".equals(lang) ? "；" : "; ";
    }
}
