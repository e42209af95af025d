package io.tenken.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {
    @Test
    void countsReadAsEnglish() {
        assertEquals("1 API call", Progress.apiCalls(1));
        assertEquals("2 API calls", Progress.apiCalls(2));
        assertEquals("0 API calls", Progress.apiCalls(0));
    }

    @Test
    void aLineNeverReachesTheLastColumn() {
        String line = "bedrock [######]4/4  cloudfront [######]1/1  cloudtrail [###...]2/4  cognito-idp [......]0/4  logs [......]0/4";
        String fitted = Progress.fit(line, 80);
        assertEquals(79, fitted.length());
        assertTrue(fitted.endsWith("…"));
        assertEquals("short", Progress.fit("short", 80));
    }

    @Test
    void widthFromColumnsElseEighty() {
        assertEquals(120, Progress.terminalWidth("120"));
        assertEquals(80, Progress.terminalWidth(null));
        assertEquals(80, Progress.terminalWidth("wide"));
        assertEquals(80, Progress.terminalWidth("5"));
    }

    @Test
    void widthFromTheTerminalsAnswer() {
        assertEquals(132, Progress.sttyColumns("24 132\n"));
        assertEquals(-1, Progress.sttyColumns("0 0\n"), "a pseudo terminal nobody sized");
        assertEquals(-1, Progress.sttyColumns(null));
        assertEquals(-1, Progress.sttyColumns("stty: 'standard input': Inappropriate ioctl for device"));
    }

    @Test
    void itemsWhileAServiceWorksThroughThemListingsWhileItPages() {
        Map<String, Progress.Service> s = new TreeMap<>();
        s.put("s3", new Progress.Service(1, () -> 412, () -> 1000, () -> 1000));
        s.put("logs", new Progress.Service(4, () -> 0, () -> 0, () -> 350));
        s.put("iam", new Progress.Service(1, () -> 0, () -> 0, () -> 0));
        s.get("logs").unitsDone = 1;
        assertEquals("iam [......]0/1  logs [#.....]1/4 350  s3 412/1000", Progress.line(s));
        s.get("s3").unitsDone = 1;
        s.get("logs").unitsDone = 4;
        assertEquals("iam [......]0/1  logs [######]4/4  s3 [######]1/1", Progress.line(s), "finished: the units only");
    }

    /**
     * In a pseudo terminal (util-linux {@code script}) sized 100 columns while $COLUMNS says 55,
     * Progress takes the terminal's width and redraws "s3 n/40" in place; with standard error
     * redirected it writes log lines and not one control character.
     */
    @Test
    void onATerminalItDrawsInPlaceElsewhereItLogs(@TempDir Path dir) throws Exception {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ProgressOnTerminal.class.getName());
        // util-linux's script (Debian's bsdutils, an essential package): a real pseudo terminal.
        Path script = Path.of("/usr/bin/script");
        String command = "stty cols 100 rows 30; COLUMNS=55 exec " + String.join(" ", java.stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        Process p = new ProcessBuilder(script.toString(), "-qec", command, "/dev/null").redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), shown);
        assertTrue(shown.contains("width=100"), "the terminal's width, not $COLUMNS: " + shown);
        assertTrue(shown.contains("\r"), "redrawn in place: " + shown);
        assertTrue(shown.matches("(?s).*s3 \\d+/40.*"), "per-bucket progress: " + shown);
        assertTrue(shown.matches("(?s).*logs \\[\\.+\\]0/1 \\d+.*"), "log groups listed so far: " + shown);
        for (String drawn : shown.split("\r")) {
            String visible = drawn.replace("\u001b[K", "").replace("\n", "");
            assertTrue(visible.length() < 100, "never the last column: " + visible);
        }
        Process plain = new ProcessBuilder(new ArrayList<>(java)).redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectErrorStream(true).start();
        plain.getOutputStream().close();
        String logged = new String(plain.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, plain.waitFor(), logged);
        assertTrue(logged.contains("collecting s3 (1 unit)"), logged);
        assertTrue(logged.chars().noneMatch(c -> c == 0x1b || c == '\r'), "no control characters: " + logged);
    }
}
