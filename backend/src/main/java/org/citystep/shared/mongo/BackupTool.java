package org.citystep.shared.mongo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.bson.Document;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import reactor.core.publisher.Mono;

/**
 * {@code ./citystep backup DIR} and {@code ./citystep restore DIR} for the file-backed embedded
 * MongoDB. A backup while the server runs (in the app or on its own) asks it for an online snapshot
 * ({@link OnlineBackup}); with nothing running it copies the data file. A restore needs everything
 * stopped: it keeps the current data file beside it, puts the snapshot in its place and leaves a
 * marker, so the app rebuilds the search indexes from the restored data when it starts
 * ({@code search/RebuildAfterRestore}). Finds the data file and port as {@link StandaloneMongoServer} does. For a real MongoDB, use {@code mongodump}/{@code mongorestore}
 * (README, Operations).
 */
public final class BackupTool {

    static final String SNAPSHOT = "mongodb.zip";
    /** Left in the data folder by a restore; the app rebuilds search from MongoDB and removes it. */
    public static final String REBUILD_MARKER = "rebuild-search-after-restore";

    private BackupTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !(args[0].equals("backup") || args[0].equals("restore"))) {
            System.err.println("usage: BackupTool backup|restore DIR");
            System.exit(2);
        }
        // a command-line tool: the driver's connection chatter is not for its user
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.mongodb.driver"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path dataFile = StandaloneMongoServer.dataFile();
        int port = StandaloneMongoServer.port();
        Path dir = Path.of(args[1]).toAbsolutePath();
        try {
            if (args[0].equals("backup")) {
                System.out.println("Backup written to " + backup(port, dataFile, dir));
            }
            else {
                restore(port, dataFile, dir);
                System.out.println("Restored " + dir + " into " + dataFile
                        + "; search indexes are rebuilt from it when the app starts");
            }
        }
        catch (IllegalStateException refused) {
            System.err.println(refused.getMessage());
            System.exit(1);
        }
    }

    /** Writes {@code dir/mongodb.zip}; {@code dir} must not hold a backup yet. */
    static Path backup(int port, Path dataFile, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(SNAPSHOT);
        if (Files.exists(target)) {
            throw new IllegalStateException(target + " exists already: choose an empty folder");
        }
        if (listening(port)) {
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                Document answer = Mono.from(client.getDatabase("admin").runCommand(new Document(OnlineBackup.COMMAND, 1)))
                        .block(Duration.ofMinutes(30));
                Path written = Path.of(Objects.requireNonNull(answer).getString("file"));
                Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        else {
            if (!Files.isRegularFile(dataFile)) {
                throw new IllegalStateException("Nothing to back up: no data file " + dataFile);
            }
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
                zip.putNextEntry(new ZipEntry(dataFile.getFileName().toString()));
                Files.copy(dataFile, zip);
                zip.closeEntry();
            }
        }
        return target;
    }

    static void restore(int port, Path dataFile, Path dir) throws IOException {
        Path snapshot = dir.resolve(SNAPSHOT);
        if (!Files.isRegularFile(snapshot)) {
            throw new IllegalStateException("No backup in " + dir + " (" + SNAPSHOT + " is missing)");
        }
        if (listening(port)) {
            throw new IllegalStateException("MongoDB answers on port " + port + ": stop the app first (./citystep stop)");
        }
        Files.createDirectories(dataFile.getParent());
        Path incoming = dataFile.resolveSibling(dataFile.getFileName() + ".restoring");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(snapshot))) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null) {
                throw new IllegalStateException(snapshot + " is empty");
            }
            try (OutputStream out = Files.newOutputStream(incoming)) {
                zip.transferTo(out);
            }
        }
        if (Files.exists(dataFile)) {
            Files.move(dataFile, dataFile.resolveSibling(dataFile.getFileName() + ".before-restore-"
                    + Instant.now().toEpochMilli()));
        }
        Files.move(incoming, dataFile, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(dataFile.resolveSibling(REBUILD_MARKER), "restored from " + dir + " at " + Instant.now());
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        }
        catch (IOException nothing) {
            return false;
        }
    }
}
