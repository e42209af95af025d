package io.tenken.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the DRL line an error message is about when Drools gives no line (constraint parse
 * errors, errors in generated rule code): by the expression or member the message quotes.
 */
final class SourceLocator {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern EXPRESSION = Pattern.compile("expression:\\s*(.+)$");
    private static final Pattern MEMBER = Pattern.compile("(?:method|field|variable)\\s+(\\w+)(\\()?");
    private static final Pattern QUOTED = Pattern.compile("[\"'`]([^\"'`]{2,})[\"'`]");

    private SourceLocator() {
    }

    static String packageOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1) : null;
    }

    /** 1-based line of the first DRL line containing what the message quotes; 0 when unknown. */
    static int lineOf(String drl, String message) {
        List<String> needles = new ArrayList<>();
        Matcher e = EXPRESSION.matcher(message);
        if (e.find()) {
            needles.add(e.group(1).strip());
        }
        Matcher m = MEMBER.matcher(message);
        while (m.find()) {
            needles.add(m.group(1) + (m.group(2) != null ? "(" : ""));
        }
        Matcher q = QUOTED.matcher(message);
        while (q.find()) {
            needles.add(q.group(1));
        }
        String[] lines = drl.split("\\R", -1);
        for (String needle : needles) {
            for (int i = 0; i < lines.length; i++) {
                if (!needle.isBlank() && lines[i].contains(needle)) {
                    return i + 1;
                }
            }
        }
        return 0;
    }
}
