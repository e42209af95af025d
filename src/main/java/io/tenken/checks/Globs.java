package io.tenken.checks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Case-insensitive {@code *} / {@code ?} globs, as the policy file writes name patterns. */
public final class Globs {
    private static final Map<String, java.util.regex.Pattern> CACHE = new ConcurrentHashMap<>();

    private Globs() {
    }

    public static boolean matches(String glob, String text) {
        if (glob == null || text == null) {
            return false;
        }
        return CACHE.computeIfAbsent(glob, Globs::compile).matcher(text).matches();
    }

    public static boolean matchesAny(List<String> globs, String text) {
        return globs != null && globs.stream().anyMatch(g -> matches(g, text));
    }

    private static java.util.regex.Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return java.util.regex.Pattern.compile(re.toString(),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE | java.util.regex.Pattern.DOTALL);
    }
}
