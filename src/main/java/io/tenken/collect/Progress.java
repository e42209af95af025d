package io.tenken.collect;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scan progress on standard error: one line redrawn in place when standard error is a terminal,
 * cut to the terminal's width so a narrow terminal (80 columns) never wraps it into stale lines;
 * plain log lines otherwise (CI logs, redirected output).
 */
final class Progress {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final String CLEAR_TO_END = "\u001b[K";
    private final boolean enabled;
    private final boolean tty;
    private final int width;
    private final PrintStream out = System.err;
    private final Map<String, int[]> state = new TreeMap<>();

    Progress(boolean enabled) {
        this.enabled = enabled;
        this.tty = enabled && stderrIsTerminal();
        this.width = tty ? terminalWidth(System.getenv("COLUMNS")) : 80;
    }

    synchronized void start(String service, int units) {
        state.put(service, new int[] {0, units});
        if (enabled && !tty) {
            LOG.info("collecting {} ({} unit{})", service, units, units == 1 ? "" : "s");
        }
        draw();
    }

    synchronized void unitDone(String service, String unit, long calls, int errors) {
        int[] s = state.get(service);
        s[0]++;
        if (enabled && !tty) {
            LOG.info("{} {} done ({}/{}), {} so far{}", service, unit, s[0], s[1], apiCalls(calls),
                    errors == 0 ? "" : ", " + errors + (errors == 1 ? " error" : " errors"));
        }
        draw();
    }

    /** "1 API call", "2 API calls". */
    static String apiCalls(long n) {
        return n + (n == 1 ? " API call" : " API calls");
    }

    private void draw() {
        if (!enabled || !tty) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        state.forEach((svc, s) -> sb.append(svc).append(' ').append(bar(s[0], s[1])).append("  "));
        out.print("\r" + fit(sb.toString().stripTrailing(), width) + CLEAR_TO_END);
        out.flush();
    }

    /**
     * The line cut to {@code width - 1} columns (the last column would wrap on some terminals),
     * ending in "…" when cut. Services are ASCII, so one char is one column.
     */
    static String fit(String line, int width) {
        int max = Math.max(10, width - 1);
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    synchronized void finish() {
        if (enabled && tty) {
            out.println();
        }
    }

    private static String bar(int done, int total) {
        int width = 6;
        int filled = total == 0 ? width : done * width / total;
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]" + done + "/" + total;
    }

    /**
     * Is file descriptor 2 a terminal? {@code System.console()} answers for standard input and
     * output, not for the stream drawn on; on Linux /proc names the device behind fd 2.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** $COLUMNS when the shell exports it, else 80. */
    static int terminalWidth(String columns) {
        try {
            int n = columns == null ? 0 : Integer.parseInt(columns.trim());
            return n >= 20 ? n : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
