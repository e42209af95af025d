package io.tenken.engine;

import io.tenken.InvalidInputException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules are trusted code: a DRL file runs with Tenken's own rights. This guard is against
 * accidents, not attackers: it rejects DRL that names process, file, network, thread or
 * reflection APIs, or ends the process, with the file and line of the first such use. Comments
 * and string literals are not looked at.
 */
final class DrlGuard {
    /** What a rule must not reach for, and why (shown in the message). */
    private static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden("System\\s*\\.\\s*(exit|halt|load|loadLibrary|setProperty|setSecurityManager|getenv|console|in)\\b",
                    "error.drl.processControl"),
            new Forbidden("\\bRuntime\\b", "error.drl.processControl"),
            new Forbidden("\\bProcess(Builder|Handle)?\\b", "error.drl.processes"),
            new Forbidden("\\bjava\\s*\\.\\s*(io|nio|net)\\b", "error.drl.io"),
            new Forbidden("\\b(Files|Paths|Path|File|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile)\\b",
                    "error.drl.fileIo"),
            new Forbidden("\\b(Socket|ServerSocket|URL|URI|URLConnection|HttpURLConnection|HttpClient|InetAddress|DatagramSocket)\\b",
                    "error.drl.networkIo"),
            new Forbidden("\\b(Thread|ThreadGroup|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Timer)\\b",
                    "error.drl.threads"),
            new Forbidden("\\bjava\\s*\\.\\s*lang\\s*\\.\\s*(reflect|invoke)\\b|\\b(Class\\s*\\.\\s*forName|getClass\\s*\\(|getDeclared\\w*|setAccessible|MethodHandles?|ClassLoader|Unsafe)\\b",
                    "error.drl.reflection"),
            new Forbidden("\\b(ScriptEngine\\w*|JShell)\\b", "error.drl.dynamicCode"));

    private record Forbidden(Pattern pattern, String what) {
        Forbidden(String regex, String what) {
            this(Pattern.compile(regex), what);
        }
    }

    private DrlGuard() {
    }

    /** Throws naming {@code origin:line} at the first forbidden use. */
    static void check(String origin, String drl) {
        String code = blankCommentsAndStrings(drl);
        int bestAt = -1;
        Forbidden best = null;
        String found = null;
        for (Forbidden f : FORBIDDEN) {
            Matcher m = f.pattern().matcher(code);
            if (m.find() && (bestAt < 0 || m.start() < bestAt)) {
                bestAt = m.start();
                best = f;
                found = m.group().replaceAll("\\s+", "");
            }
        }
        if (best != null) {
            int line = 1;
            for (int i = 0; i < bestAt; i++) {
                if (code.charAt(i) == '\n') {
                    line++;
                }
            }
            throw InvalidInputException.of("error.drlForbidden", origin + ":" + line,
                    io.tenken.findings.Message.of(best.what()), found);
        }
    }

    /** Comments and string contents replaced by spaces, line breaks kept (so lines still count). */
    static String blankCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (; i < end; i++) {
                    out.append(s.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < s.length() && s.charAt(i) != c && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        out.append("  ");
                        i += 2;
                        continue;
                    }
                    out.append(' ');
                    i++;
                }
                if (i < s.length()) {
                    out.append(s.charAt(i));
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
