package io.tenken.collect;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A one-line per-service progress display on a terminal; plain log lines otherwise. */
final class Progress {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private final boolean enabled;
    private final boolean tty;
    private final PrintStream out = System.err;
    private final Map<String, int[]> state = new TreeMap<>();

    Progress(boolean enabled) {
        this.enabled = enabled;
        this.tty = System.console() != null;
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
            LOG.info("{} {} done ({}/{}), {} API calls so far{}", service, unit, s[0], s[1], calls,
                    errors == 0 ? "" : ", " + errors + " errors");
        }
        draw();
    }

    private void draw() {
        if (!enabled || !tty) {
            return;
        }
        StringBuilder sb = new StringBuilder("\r");
        state.forEach((svc, s) -> sb.append(svc).append(' ').append(bar(s[0], s[1])).append("  "));
        out.print(sb);
        out.flush();
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
}
