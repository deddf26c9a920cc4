package org.citystep.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.citystep.support.AppProcess;
import org.citystep.support.MongoProcess;
import org.citystep.support.TestIndexes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two app instances on one machine, as {@code ./citystep start --instances 2} runs them: one MongoDB
 * wire server in its own process, one Elasticsearch. A write on one is readable and searchable on
 * the other; killing one under load loses no acknowledged write, and the other keeps serving.
 */
class SeveralInstancesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String prefix = "citystep-test-instances-" + UUID.randomUUID();
    private MongoProcess mongo;
    private AppProcess first;
    private AppProcess second;

    @TempDir
    Path work;

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable each : new AutoCloseable[] {first, second, mongo}) {
            if (each != null) {
                each.close();
            }
        }
        TestIndexes.deleteAllOverHttp(prefix);
    }

    @Test
    void aWriteOnOneIsReadAndFoundOnTheOtherAndKillingOneUnderLoadLosesNothing() throws Exception {
        mongo = MongoProcess.start(Files.createDirectories(work.resolve("mongodb-process")));
        Map<String, String> shared = Map.of("CITYSTEP_EMBEDDED_MONGODB", "false", "MONGODB_URI", mongo.uri());
        // both at the same moment: the demo data and the search indexes are set up once, without errors
        var starting = java.util.concurrent.CompletableFuture.supplyAsync(() -> uncheckedStart("two", shared));
        first = uncheckedStart("one", shared);
        second = starting.join();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Files.readString(first.log())
                + Files.readString(second.log())).contains("demo case studies"));
        String logs = Files.readString(first.log()) + Files.readString(second.log());
        assertThat(logs).doesNotContain("Could not load the demo data set");
        assertThat(logs.split("Loaded the demo data set", -1)).hasSize(2);

        // written on the first, read and found on the second
        String word = "twoinstances" + Long.toHexString(System.nanoTime());
        HttpResponse<String> created = send(first, "POST", "/api/v1/case-studies", Map.of(
                "cityId", "amsterdam", "title", Map.of("en", "Shared lighting " + word),
                "summary", Map.of("en", "Written on one instance, found on the other."),
                "serviceDomains", List.of("ENERGY_UTILITIES"), "steps", List.of(), "stage", "PILOT",
                "flags", Map.of("scalable", false, "cloud", false, "integratedOffering", false, "openApi", false,
                        "iot", false)));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode study = JSON.readTree(created.body());
        String id = study.get("id").asString();
        assertThat(get(second, "/api/v1/case-studies/" + id).statusCode()).isEqualTo(200);
        HttpResponse<String> submitted = send(second, "POST", "/api/v1/case-studies/" + id + "/submit",
                Map.of("version", study.get("version").asLong()));
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(send(first, "POST", "/api/v1/case-studies/" + id + "/review", Map.of(
                "version", JSON.readTree(submitted.body()).get("version").asLong(), "decision", "PUBLISH")).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(get(second, "/api/v1/search?type=case-study&q=" + word).body()).contains(id));

        // the first is killed while both take writes and reads
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        Map<Integer, AtomicInteger> readStatuses = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger counter = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (running.get()) {
                AppProcess target = counter.get() % 2 == 0 ? first : second;
                String city = "both-town-" + counter.incrementAndGet();
                try {
                    if (send(target, "POST", "/api/v1/cities", Map.of("id", city, "name", Map.of("en", city),
                            "country", "NL", "region", "EU")).statusCode() == 201) {
                        acknowledged.add(city);
                    }
                }
                catch (IOException | InterruptedException refused) {
                    // the killed instance: never acknowledged
                }
            }
        });
        Thread reader = new Thread(() -> {
            while (running.get()) {
                try {
                    readStatuses.computeIfAbsent(get(second, "/api/v1/cities/amsterdam").statusCode(),
                            status -> new AtomicInteger()).incrementAndGet();
                }
                catch (IOException | InterruptedException failed) {
                    readStatuses.computeIfAbsent(-1, status -> new AtomicInteger()).incrementAndGet();
                }
            }
        });
        writer.start();
        reader.start();
        Thread.sleep(3_000);
        first.kill();
        Thread.sleep(3_000);
        running.set(false);
        writer.join();
        reader.join();

        assertThat(acknowledged).hasSizeGreaterThan(10);
        for (String city : acknowledged) {
            assertThat(get(second, "/api/v1/cities/" + city).statusCode()).as(city).isEqualTo(200);
        }
        assertThat(readStatuses.keySet()).as("the second instance kept answering").containsExactly(200);
    }
    private AppProcess uncheckedStart(String name, Map<String, String> environment) {
        try {
            return AppProcess.start(Files.createDirectories(work.resolve(name)), prefix, environment);
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> get(AppProcess app, String path) throws IOException, InterruptedException {
        return app.get(path, "curator.demo");
    }

    private static HttpResponse<String> send(AppProcess app, String method, String path, Object body)
            throws IOException, InterruptedException {
        return app.send(method, path, "curator.demo", body);
    }
}
