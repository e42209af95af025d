package io.tenken.gate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Resource patterns of waivers: an exact ARN, or a glob where {@code *} matches any run of
 * characters (also {@code :} and {@code /}) and {@code ?} one character. Case-sensitive, because
 * ARNs are.
 */
final class ResourceGlob {
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private ResourceGlob() {
    }

    static boolean matches(String glob, String text) {
        if (glob == null || text == null) {
            return false;
        }
        if (glob.indexOf('*') < 0 && glob.indexOf('?') < 0) {
            return glob.equals(text);
        }
        return CACHE.computeIfAbsent(glob, ResourceGlob::compile).matcher(text).matches();
    }

    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
