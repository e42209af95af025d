package io.tenken.report;

/**
 * Escaping for the formats that are not written by an auto-escaping template. Resource names,
 * tags and observed values come from the scanned account and are attacker-controlled.
 */
public final class Escape {
    private Escape() {
    }

    /**
     * Markdown (GitHub flavour), safe inside a table cell: the ASCII punctuation that can start markup,
     * links, autolinks or @mentions is backslash-escaped, {@code <}, {@code >} and {@code &} become entities (GitHub
     * renders inline HTML), pipes are escaped, and line breaks and control characters become spaces.
     */
    public static String markdown(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '.', '!', '|', '~', ':', '@'
                        -> b.append('\\').append((char) c);
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                        b.append(' ');
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    /**
     * One CSV field (RFC 4180): always quoted, quotes doubled. A value that a spreadsheet would
     * read as a formula (starting with {@code = + - @}, tab or carriage return, also after leading
     * spaces) is prefixed with an apostrophe (OWASP CSV injection guidance).
     */
    public static String csv(String s) {
        if (s == null) {
            return "\"\"";
        }
        String v = s;
        String lead = v.stripLeading();
        if (!lead.isEmpty() && "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20".indexOf(lead.charAt(0)) >= 0
                || !v.isEmpty() && (v.charAt(0) == '\t' || v.charAt(0) == '\r')) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    /**
     * Text XML 1.0 can carry: characters it forbids (most C0 controls, lone surrogates, U+FFFE/F)
     * become U+FFFD. Markup escaping itself is left to the XML writer.
     */
    public static String xmlText(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (b != null) {
                        b.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && b == null) {
                b = new StringBuilder(s.length());
                b.append(s, 0, i);
            }
            if (b != null) {
                b.append(ok ? c : '\uFFFD');
            }
        }
        return b == null ? s : b.toString();
    }
}
