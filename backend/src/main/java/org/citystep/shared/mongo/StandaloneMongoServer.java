package org.citystep.shared.mongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded MongoDB wire server in a process of its own, for several app instances on one machine
 * ({@code ./citystep start --instances 2}): each instance connects to it with
 * {@code CITYSTEP_EMBEDDED_MONGODB=false} and {@code MONGODB_URI}. Same data file and durability as
 * inside the app. Reads {@code CITYSTEP_WORK_DIR} (.work), {@code CITYSTEP_EMBEDDED_MONGODB_PORT}
 * (27018) and {@code MONGODB_DATABASE} (citystep), like the app. Started from the app's jar:
 * {@code java -cp citystep.jar -Dloader.main=org.citystep.shared.mongo.StandaloneMongoServer
 * org.springframework.boot.loader.launch.PropertiesLauncher}.
 */
public final class StandaloneMongoServer {

    private StandaloneMongoServer() {
    }

    /** The data file, as the app places it: {@code <CITYSTEP_WORK_DIR>/mongodb/<MONGODB_DATABASE>.mv}. */
    static Path dataFile() {
        return Path.of(env("CITYSTEP_WORK_DIR", ".work"), "mongodb", env("MONGODB_DATABASE", "citystep") + ".mv")
                .toAbsolutePath();
    }

    static int port() {
        return Integer.parseInt(env("CITYSTEP_EMBEDDED_MONGODB_PORT", "27018"));
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path data = dataFile();
        Files.createDirectories(data.getParent());
        int port = port();
        String file = data.toString();
        MongoServer server = new MongoServer(new HelloAnsweringBackends.H2(file));
        server.bind("127.0.0.1", port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown(); // closes the store cleanly; a SIGKILL loses nothing acknowledged either
            stopped.countDown();
        }, "mongodb-shutdown"));
        System.out.println("MongoDB wire server listening on 127.0.0.1:" + port + " (data in " + file + ")");
        stopped.await();
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }
}
