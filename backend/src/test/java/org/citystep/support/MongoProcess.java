package org.citystep.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB wire server in a process of its own, started from the packaged app's jar as
 * {@code ./citystep start --instances 2} starts it, for tests with several app instances.
 */
public final class MongoProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private MongoProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static MongoProcess start(Path workDir) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", Path.of("target", "citystep.jar").toAbsolutePath().toString(),
                "-Dloader.main=org.citystep.shared.mongo.StandaloneMongoServer",
                "org.springframework.boot.loader.launch.PropertiesLauncher"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("mongodb.log").toFile()));
        builder.environment().put("CITYSTEP_WORK_DIR", workDir.toAbsolutePath().toString());
        builder.environment().put("CITYSTEP_EMBEDDED_MONGODB_PORT", String.valueOf(port));
        try {
            MongoProcess mongo = new MongoProcess(builder.start(), port);
            mongo.awaitListening(Duration.ofSeconds(60));
            return mongo;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The URI app instances connect with. */
    public String uri() {
        return "mongodb://127.0.0.1:" + port + "/citystep";
    }

    private void awaitListening(Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the MongoDB wire server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            }
            catch (IOException notYet) {
                try {
                    Thread.sleep(300);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("the MongoDB wire server did not listen within " + patience);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
