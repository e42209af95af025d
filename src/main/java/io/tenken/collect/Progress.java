package io.tenken.collect;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scan progress on standard error: one line redrawn in place when standard error is a terminal,
 * cut to the terminal's width (asked of the terminal itself, then $COLUMNS, then 80) so a narrow
 * terminal never wraps it into stale lines; plain log lines otherwise (CI logs, redirected
 * output), never a control sequence. On a terminal, services that work through many resources
 * show them as they go ("s3 412/1000" buckets read, "logs 350" log groups listed), redrawn a few
 * times a second from counters the scan keeps anyway, so the display costs the scan nothing.
 */
final class Progress {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final String CLEAR_TO_END = "\u001b[K";
    private static final long REDRAW_MS = 250;
    /** The terminal's width is asked again this often, so a resized window is followed. */
    private static final long WIDTH_EVERY_MS = 2000;

    /** What the line shows of one service: its units, and the items counted inside them. */
    static final class Service {
        final int units;
        int unitsDone;
        final LongSupplier itemsDone;
        final LongSupplier itemsTotal;
        final LongSupplier listed;

        Service(int units, LongSupplier itemsDone, LongSupplier itemsTotal, LongSupplier listed) {
            this.units = units;
            this.itemsDone = itemsDone;
            this.itemsTotal = itemsTotal;
            this.listed = listed;
        }
    }

    private final boolean enabled;
    private final boolean tty;
    private volatile int width;
    private long widthAskedAt;
    private final PrintStream out = System.err;
    private final Map<String, Service> state = new TreeMap<>();
    private final ScheduledExecutorService ticker;

    Progress(boolean enabled) {
        this.enabled = enabled;
        this.tty = enabled && stderrIsTerminal();
        this.width = tty ? terminalWidth() : 80;
        this.widthAskedAt = System.currentTimeMillis();
        if (tty) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tenken-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleWithFixedDelay(this::tick, REDRAW_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** A service without item counters (units only). */
    synchronized void start(String service, int units) {
        start(service, units, () -> 0, () -> 0, () -> 0);
    }

    /**
     * @param itemsDone  resources of the service finished so far (e.g. buckets read)
     * @param itemsTotal resources of the service found so far that are worked through one by one
     * @param listed     resources listed so far by its List and Describe calls (log groups page by page)
     */
    synchronized void start(String service, int units, LongSupplier itemsDone, LongSupplier itemsTotal,
                            LongSupplier listed) {
        state.put(service, new Service(units, itemsDone, itemsTotal, listed));
        if (enabled && !tty) {
            LOG.info("collecting {} ({} unit{})", service, units, units == 1 ? "" : "s");
        }
        draw();
    }

    synchronized void unitDone(String service, String unit, long calls, int errors) {
        Service s = state.get(service);
        s.unitsDone++;
        if (enabled && !tty) {
            LOG.info("{} {} done ({}/{}), {} so far{}", service, unit, s.unitsDone, s.units, apiCalls(calls),
                    errors == 0 ? "" : ", " + errors + (errors == 1 ? " error" : " errors"));
        }
        draw();
    }

    /** "1 API call", "2 API calls". */
    static String apiCalls(long n) {
        return n + (n == 1 ? " API call" : " API calls");
    }

    /** On the ticker thread only: the terminal is asked outside the lock the scan's threads report through. */
    private void tick() {
        long now = System.currentTimeMillis();
        if (now - widthAskedAt >= WIDTH_EVERY_MS) {
            widthAskedAt = now;
            width = terminalWidth();
        }
        synchronized (this) {
            draw();
        }
    }

    private void draw() {
        if (!enabled || !tty) {
            return;
        }
        out.print("\r" + fit(line(state), width) + CLEAR_TO_END);
        out.flush();
    }

    /**
     * The progress line: per service, "s3 412/1000" while resources are worked through one by
     * one, else the units bar ("logs [##....]1/4"), followed while unfinished by how many
     * resources its listings returned so far ("logs [......]0/1 350").
     */
    static String line(Map<String, Service> services) {
        StringBuilder sb = new StringBuilder();
        services.forEach((svc, s) -> {
            boolean finished = s.unitsDone >= s.units;
            long total = s.itemsTotal.getAsLong();
            long listed = s.listed.getAsLong();
            sb.append(svc).append(' ');
            if (!finished && total > 1) {
                sb.append(s.itemsDone.getAsLong()).append('/').append(total);
            } else {
                sb.append(bar(s.unitsDone, s.units));
                if (!finished && listed > 0) {
                    sb.append(' ').append(listed);
                }
            }
            sb.append("  ");
        });
        return sb.toString().stripTrailing();
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
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (enabled && tty) {
            draw();
            out.println();
        }
    }

    int width() {
        return width;
    }

    private static String bar(int done, int total) {
        int width = 6;
        int filled = total == 0 ? width : Math.min(width, done * width / total);
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

    /** The terminal's columns (TIOCGWINSZ, through {@code stty size} on the controlling terminal), else $COLUMNS, else 80. */
    static int terminalWidth() {
        int asked = sttyColumns(askTerminal());
        return asked > 0 ? asked : terminalWidth(System.getenv("COLUMNS"));
    }

    /** {@code stty size} reading /dev/tty: "ROWS COLUMNS", or null when there is no terminal to ask. */
    private static String askTerminal() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0 ? answer : null;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The columns of an {@code stty size} answer ("24 132"), or -1 when it gives none (0 on a pty nobody sized). */
    static int sttyColumns(String answer) {
        if (answer == null) {
            return -1;
        }
        String[] p = answer.trim().split("\\s+");
        try {
            int cols = p.length == 2 ? Integer.parseInt(p[1]) : -1;
            return cols >= 20 ? cols : -1;
        } catch (NumberFormatException e) {
            return -1;
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
