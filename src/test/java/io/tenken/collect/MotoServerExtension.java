package io.tenken.collect;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@code .venv/bin/moto_server} (installed by .ci/setup-moto.sh) once per test JVM on a
 * free loopback port, waits until it answers, stops it when the JVM exits, and resets all
 * state (and IAM enforcement) before each test.
 */
public final class MotoServerExtension implements BeforeAllCallback, BeforeEachCallback {
    private static volatile URI endpoint;
    private static Process process;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static URI endpoint() {
        return endpoint;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        reset();
    }

    public static synchronized URI start() throws Exception {
        if (endpoint != null) {
            return endpoint;
        }
        Path root = Path.of(System.getProperty("tenken.basedir", System.getProperty("user.dir")));
        Path exe = root.resolve(".venv/bin/moto_server");
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException(exe + " missing: run .ci/setup-moto.sh (mvn does it before tests)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("moto-server", ".log");
        process = new ProcessBuilder(exe.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Process p = process;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            p.destroy();
            try {
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }));
        URI uri = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri.resolve("/moto-api/data.json"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == HttpURLConnection.HTTP_OK) {
                    endpoint = uri;
                    return uri;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("moto_server did not start within 60 s; log: " + log);
    }

    public static void reset() throws Exception {
        post("/moto-api/reset", "");
        enforceIam(false);
        withoutMacie(java.util.List.of("ap-northeast-1", "us-east-1"));
    }

    /**
     * moto 5.2.5 starts every account with a Macie session ENABLED whose timestamps carry no zone
     * (the SDK cannot read them: GetMacieSession fails with DateTimeParseException); an AWS account
     * starts without Macie. Disabling it in {@code regions} of the account {@link Moto} seeds
     * gives moto's answer AWS's shape for an account that never enabled it.
     */
    static void withoutMacie(java.util.List<String> regions) {
        for (String region : regions) {
            Moto.client(software.amazon.awssdk.services.macie2.Macie2Client.builder(), region).disableMacie(r -> { });
        }
    }

    /** Turns moto's IAM enforcement on (every following request is authorised) or off. */
    public static void enforceIam(boolean on) throws Exception {
        post("/moto-api/reset-auth", on ? "0" : "inf");
    }

    private static void post(String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
    }

}
