package org.citystep.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.UUID;

import org.bson.Document;
import org.citystep.support.AppProcess;
import org.citystep.support.MongoProcess;
import org.citystep.support.TestIndexes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;

/**
 * A backup taken with {@code ./citystep backup} while the app runs and takes writes, more writes,
 * {@code ./citystep restore}: the database then holds what it held at the moment of the backup,
 * collection by collection and document by document (read directly over the wire protocol before the
 * app starts again), and search is rebuilt from it (the later city is found no more).
 */
// starts and restarts whole app processes: minutes on a shared machine, beyond the 3-minute default
@Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
class BackupRestoreIT {

    private final String prefix = "citystep-test-backup-" + UUID.randomUUID();
    private AppProcess app;

    @TempDir
    Path work;

    @AfterEach
    void stopAndCleanUp() throws Exception {
        if (app != null) {
            app.close();
        }
        TestIndexes.deleteAllOverHttp(prefix);
    }

    @Test
    void afterARestoreTheAppAndItsSearchHoldExactlyWhatTheBackupHeld() throws Exception {
        Path data = Files.createDirectories(work.resolve("app"));
        app = AppProcess.start(data, prefix, Map.of());
        createCity("kept-town", "Keptborough");
        // the script runs the backup tool from the app's copy of the jar, as ./citystep start leaves it
        Files.createDirectories(data.resolve("app"));
        Files.createSymbolicLink(data.resolve("app/citystep.jar"), Path.of("target/citystep.jar").toAbsolutePath());
        Path backup = work.resolve("backup");

        // the rule below assumes each document changes at most once while the backup is taken: wait
        // until the app's own start-up writes (demo data, assessments, suggestions) are over
        awaitNoChanges(app.mongoPort());

        // cities written all the while the backup is taken
        List<String[]> written = new CopyOnWriteArrayList<>(); // id, nanos sent, nanos answered
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; writing.get(); i++) {
                String id = "during-town-" + i;
                long sent = System.nanoTime();
                try {
                    if (app.send("POST", "/api/v1/cities", "curator.demo", Map.of("id", id, "name", Map.of("en", id),
                            "country", "NL", "region", "EU")).statusCode() == 201) {
                        written.add(new String[] {id, Long.toString(sent), Long.toString(System.nanoTime())});
                    }
                }
                catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> written.size() >= 3);
        Map<String, Map<Object, Document>> before = state(app.mongoPort());
        long backupStarted = System.nanoTime();
        String printed = citystep(data, app.mongoPort(), "backup", backup.toString());
        long backupEnded = System.nanoTime();
        Map<String, Map<Object, Document>> after = state(app.mongoPort());
        await().atMost(Duration.ofSeconds(60)).until(() -> written.stream()
                .anyMatch(city -> Long.parseLong(city[1]) > backupEnded));
        writing.set(false);
        writer.join();
        assertThat(printed).contains("Backup written to");

        createCity("later-town", "Laterborough");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(get("/api/v1/search?type=city&q=Laterborough").body()).contains("later-town"));

        app.stop();
        assertThat(citystep(data, app.mongoPort(), "restore", backup.toString())).contains("Restored");

        // the restored data as it lies on disk, before the app touches it
        Map<String, Map<Object, Document>> restored;
        try (MongoProcess mongo = MongoProcess.start(data)) {
            restored = state(mongo.port());
        }
        assertThat(restored.keySet()).as("collections").containsAll(before.keySet());
        for (String collection : restored.keySet()) {
            Map<Object, Document> then = before.getOrDefault(collection, Map.of());
            Map<Object, Document> later = after.getOrDefault(collection, Map.of());
            Map<Object, Document> now = restored.get(collection);
            // what did not change while the backup was taken is there exactly as it was
            then.forEach((id, document) -> {
                if (document.equals(later.get(id))) {
                    assertThat(now.get(id)).as(collection + " " + id).isEqualTo(document);
                }
            });
            if (WRITTEN_ONCE.contains(collection)) {
                // nothing from outside the backup's moment: each document as it was just before or just after it
                now.forEach((id, document) -> assertThat(document.equals(then.get(id)) || document.equals(later.get(id)))
                        .as(collection + " " + id + " is as before or as after the backup").isTrue());
            }
        }
        Map<Object, Document> cities = restored.get("cities");
        for (String[] city : written) {
            if (Long.parseLong(city[2]) < backupStarted) {
                assertThat(cities).as(city[0] + ", acknowledged before the backup").containsKey(city[0]);
            }
            if (Long.parseLong(city[1]) > backupEnded) {
                assertThat(cities).as(city[0] + ", written after the backup").doesNotContainKey(city[0]);
            }
        }
        assertThat(cities).containsKey("kept-town").doesNotContainKey("later-town");

        app.restart();

        assertThat(get("/api/v1/cities/kept-town").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/cities/later-town").statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get("/api/v1/search?type=city&q=Laterborough").body()).doesNotContain("later-town");
            assertThat(get("/api/v1/search?type=city&q=Keptborough").body()).contains("kept-town");
        });
        // the marker goes once the rebuild has completed, its replay included (a little after the alias moved)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(data.resolve("mongodb").resolve(BackupTool.REBUILD_MARKER)).as("the rebuild took the marker")
                        .doesNotExist());
    }

    @Test
    void aRestoreRefusesWhileTheAppRuns() throws Exception {
        Path data = Files.createDirectories(work.resolve("app"));
        app = AppProcess.start(data, prefix, Map.of());
        Path backup = work.resolve("backup");
        BackupTool.backup(app.mongoPort(), data.resolve("mongodb/citystep.mv"), backup);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        BackupTool.restore(app.mongoPort(), data.resolve("mongodb/citystep.mv"), backup))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stop the app first");
        assertThat(get("/api/v1/cities/amsterdam").statusCode()).isEqualTo(200);
    }
    /**
     * Collections whose documents the writes during the backup create or change at most once, so each
     * restored document must be as it was just before or just after the backup. Not so: queues filled
     * and drained within seconds (auditPending, search_outbox), leases renewed every second, and
     * inboxes that every delivery appends to, which a snapshot may catch between two deliveries.
     */
    private static final Set<String> WRITTEN_ONCE = Set.of("cities", "case_studies", "experts", "clusters",
            "assessments", "reviews", "glossary", "audit", "cluster_suggestion_sets", "cluster_suggestions");

    /** Every collection of the database on {@code port}: each document by its id. */
    private static void awaitNoChanges(int port) {
        List<Map<String, Map<Object, Document>>> last = new ArrayList<>(List.of(Map.of()));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, Map<Object, Document>> now = new TreeMap<>(state(port));
            now.keySet().retainAll(WRITTEN_ONCE);
            boolean unchanged = now.equals(last.get(0));
            last.set(0, now);
            return unchanged;
        });
    }

    private static Map<String, Map<Object, Document>> state(int port) {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoDatabase database = client.getDatabase("citystep");
            Map<String, Map<Object, Document>> state = new TreeMap<>();
            for (String collection : Flux.from(database.listCollectionNames()).collectList().block()) {
                Map<Object, Document> documents = new HashMap<>();
                Flux.from(database.getCollection(collection).find()).toIterable()
                        .forEach(document -> documents.put(document.get("_id"), document));
                state.put(collection, documents);
            }
            return state;
        }
    }

    /** Runs {@code ./citystep <args>} for the app's data folder; its output. */
    private static String citystep(Path data, int mongoPort, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of("..", "citystep").toAbsolutePath().normalize().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CITYSTEP_WORK_DIR", data.toAbsolutePath().toString());
        builder.environment().put("CITYSTEP_EMBEDDED_MONGODB_PORT", String.valueOf(mongoPort));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("./citystep " + String.join(" ", args) + ": " + output).isZero();
        return output;
    }

    private void createCity(String id, String name) throws Exception {
        assertThat(app.send("POST", "/api/v1/cities", "curator.demo", Map.of("id", id, "name", Map.of("en", name),
                "country", "NL", "region", "EU")).statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return app.get(path, "curator.demo");
    }
}
