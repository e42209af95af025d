package io.tenken.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium}, headless, as the browser tests drive it: no sandbox (CI runs as
 * root), no network, no updates, a throw-away profile. Nothing is downloaded at build time: when
 * {@code chromium} is not installed, {@link #find} returns null and the tests skip
 * ({@code .ci/setup-browser.sh} installs it in CI).
 */
public final class Chromium {
    private final Path binary;
    private final Path profile;

    private Chromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    public static Chromium find(Path work) throws IOException {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
            Path p = Path.of(dir, "chromium");
            if (Files.isExecutable(p)) {
                return new Chromium(p, Files.createDirectories(work.resolve("chromium-profile")));
            }
        }
        return null;
    }

    /** The DOM after the page's scripts ran (with {@code virtualTimeMs} of timers), at a window size. */
    public String dumpDom(Path page, int width, int height, int virtualTimeMs) throws IOException, InterruptedException {
        return run(List.of("--window-size=" + width + "," + height, "--virtual-time-budget=" + virtualTimeMs,
                "--dump-dom", page.toUri().toString()));
    }

    public void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(List.of("--window-size=" + width + "," + height, "--hide-scrollbars", "--virtual-time-budget=3000",
                "--screenshot=" + png, page.toUri().toString()));
    }

    public void printToPdf(Path page, Path pdf) throws IOException, InterruptedException {
        run(List.of("--no-pdf-header-footer", "--virtual-time-budget=3000", "--print-to-pdf=" + pdf,
                page.toUri().toString()));
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        cmd.addAll(args);
        Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium timed out: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("chromium exit " + p.exitValue() + ": " + Files.readString(err));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Runs a command-line tool (pdfinfo, pdftotext) and returns its standard output. */
    public static String tool(Path work, String... cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "tool", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectErrorStream(false).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
