package io.tenken;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean": the known name nearest to a mistyped one. */
public final class Names {
    private Names() {
    }

    /** The nearest candidate within an edit distance of max(2, a quarter of the name), or null. */
    public static String nearest(String name, Collection<String> candidates) {
        String best = candidates.stream().min(Comparator.comparingInt(c -> distance(name, c))).orElse(null);
        return best != null && distance(name, best) <= Math.max(2, name.length() / 4) ? best : null;
    }

    /** The same as a message in the user's language: "; did you mean X?" or nothing. */
    public static io.tenken.findings.Message didYouMean(String name, Collection<String> candidates) {
        String near = nearest(name, candidates);
        return near == null ? io.tenken.findings.Message.of("cli.noSuggestion")
                : io.tenken.findings.Message.of("cli.suggestion", near);
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
