package org.citystep.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged app ({@code target/citystep.jar}, built before the integration tests run) as its own
 * process, so a test can kill it the hard way and start it again on the same data. It uses the
 * running Elasticsearch and Keycloak, under its own index prefix.
 */
public final class AppProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "citystep.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path workDir;
    private final Map<String, String> environment;
    private final int port;
    private final List<String> javaOptions;
    private Process process;

    private AppProcess(Path workDir, Map<String, String> environment, int port, List<String> javaOptions) {
        this.workDir = workDir;
        this.environment = environment;
        this.port = port;
        this.javaOptions = javaOptions;
    }

    /**
     * An app on free ports with its data in {@code workDir} (the file-backed embedded MongoDB), the demo
     * data loaded, search indexes under {@code indexPrefix}; {@code extra} environment variables win.
     */
    public static AppProcess start(Path workDir, String indexPrefix, Map<String, String> extra) {
        return start(workDir, indexPrefix, extra, List.of("-Xmx384m"));
    }

    /**
     * {@link #start(Path, String, Map)} with a heap of at most {@code maxHeap} ({@code -Xmx}); the app exits
     * when it runs out of it, so a test sees it die instead of limp.
     */
    public static AppProcess startWithHeap(Path workDir, String indexPrefix, Map<String, String> extra, String maxHeap) {
        return start(workDir, indexPrefix, extra, List.of("-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError"));
    }

    private static AppProcess start(Path workDir, String indexPrefix, Map<String, String> extra, List<String> javaOptions) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the integration tests run after "
                    + "`./mvnw package`, which builds it");
        }
        int port = freePort();
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "PORT", String.valueOf(port),
                "CITYSTEP_WORK_DIR", workDir.toAbsolutePath().toString(),
                "CITYSTEP_EMBEDDED_MONGODB_PORT", String.valueOf(freePort()),
                "ELASTICSEARCH_INDEX_PREFIX", indexPrefix,
                "CITYSTEP_DEMO_DATA", "true",
                // the tests call it from one address faster than a visitor would
                "CITYSTEP_RATE_LIMIT_ANONYMOUS", "1000000",
                "CITYSTEP_RATE_LIMIT_SIGNED_IN", "1000000",
                "CITYSTEP_RATE_LIMIT_EXPORTS", "1000000"));
        environment.putAll(extra);
        AppProcess app = new AppProcess(workDir, Map.copyOf(environment), port, javaOptions);
        app.launch();
        return app;
    }

    /** The port of the app's embedded MongoDB. */
    public int mongoPort() {
        return Integer.parseInt(environment.get("CITYSTEP_EMBEDDED_MONGODB_PORT"));
    }

    /** Stops the process with SIGTERM, as {@code ./citystep stop} does, and waits for it. */
    public void stop() {
        process.destroy();
        awaitExit(60, "SIGTERM");
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** {@code GET path} with a real token of {@code user}. */
    public HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code method path} with {@code body} as JSON and a real token of {@code user}. */
    public HttpResponse<String> send(String method, String path, String user, Object body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Kills the process with SIGKILL, as a crash or the OOM killer would: nothing runs on the way out. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(30, "SIGKILL");
    }

    private void awaitExit(int seconds, String signal) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the app did not end within " + seconds + " s of " + signal);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the app again on the same data and ports. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("the app still runs");
        }
        launch();
    }

    /** Whether the app's process still runs. */
    public boolean alive() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return workDir.resolve("app.log");
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "--spring.profiles.active=local"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(Duration.ofSeconds(180));
    }

    private void awaitReady(Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; see " + log());
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("the app was not ready within " + patience + "; see " + log());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
