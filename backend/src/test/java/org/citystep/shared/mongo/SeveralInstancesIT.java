package org.citystep.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

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
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two app instances on one machine, as {@code ./citystep start --instances 2} runs them: one MongoDB
 * wire server in its own process, one Elasticsearch. Started at the same moment on an empty database
 * and index prefix, they set the demo data and the search indexes up once (each alias over exactly one
 * index, no stray index). A write on one is readable and searchable on the other. Work meant to run
 * once runs once: a notification is delivered once although both run the fan-out worker; a rebuild
 * started on one makes the other refuse a second (409) until it ends; pending search writes are caught
 * up by one instance only; cluster suggestions are never computed by both at the same time. Killing
 * one under load loses no acknowledged write, and the other keeps serving.
 */
// starts and restarts whole app processes: minutes on a shared machine, beyond the 3-minute default
@Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
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
        // catch-up every second on both, so both try it while the test runs
        Map<String, String> shared = Map.of("CITYSTEP_EMBEDDED_MONGODB", "false", "MONGODB_URI", mongo.uri(),
                "ELASTICSEARCH_CATCH_UP_INTERVAL", "1s");
        // both at the same moment: the demo data and the search indexes are set up once, without errors
        var starting = java.util.concurrent.CompletableFuture.supplyAsync(() -> uncheckedStart("two", shared));
        first = uncheckedStart("one", shared);
        second = starting.join();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Files.readString(first.log())
                + Files.readString(second.log())).contains("demo case studies"));
        String logs = Files.readString(first.log()) + Files.readString(second.log());
        assertThat(logs).doesNotContain("Could not load the demo data set");
        assertThat(logs.split("Loaded the demo data set", -1)).hasSize(2);

        // index creation raced at the same moment: each alias over exactly one index, and no stray index.
        // A fresh start fills its new indexes in a tracked rebuild: before it has begun there is no job yet
        // (on a loaded machine that can be a while), so wait for it to be there and done
        await().atMost(Duration.ofSeconds(90)).until(this::startUpRebuildDone);
        Map<String, List<String>> indexesByAlias = new java.util.TreeMap<>();
        List<String> indexesWithoutAlias = new java.util.ArrayList<>();
        JSON.readTree(elasticsearch("GET", "/" + prefix + "-*/_alias?expand_wildcards=all")).properties()
                .forEach(index -> {
                    List<String> aliases = index.getValue().get("aliases").propertyNames().stream().toList();
                    if (aliases.isEmpty()) {
                        indexesWithoutAlias.add(index.getKey());
                    }
                    aliases.forEach(alias -> indexesByAlias.computeIfAbsent(alias, a -> new java.util.ArrayList<>())
                            .add(index.getKey()));
                });
        assertThat(indexesByAlias).as("aliases").containsKeys(prefix + "-cities", prefix + "-case-studies",
                prefix + "-experts");
        indexesByAlias.forEach((alias, indexes) -> assertThat(indexes).as(alias).hasSize(1));
        assertThat(indexesWithoutAlias).as("stray indexes").isEmpty();
        assertThat(elasticsearch("GET", "/_cat/indices/" + prefix + "-*?h=index").lines().count())
                .as("indexes under the prefix").isEqualTo(indexesByAlias.size());

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

        // both run the fan-out worker: the submission reaches the curators once, on either instance
        for (AppProcess each : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(submittedNotifications(each, id)).as("curators told of " + id).isEqualTo(1));
        }
        Thread.sleep(3_000); // a few more fan-out rounds on both
        assertThat(submittedNotifications(first, id)).as("delivered once").isEqualTo(1);
        assertThat(submittedNotifications(second, id)).as("delivered once").isEqualTo(1);

        // a rebuild started on the first: the second refuses another while it runs, and starts one after it
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuildRunning());
        HttpResponse<String> rebuild = first.send("POST", "/api/v1/admin/reindex", "admin.demo", Map.of());
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
        HttpResponse<String> secondRefused = second.send("POST", "/api/v1/admin/reindex", "admin.demo", Map.of());
        assertThat(secondRefused.statusCode()).as(secondRefused.body()).isEqualTo(409);
        String rebuildId = JSON.readTree(rebuild.body()).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(JSON.readTree(second.get(
                "/api/v1/admin/reindex/" + rebuildId, "admin.demo").body()).get("state").asString()).isEqualTo("DONE"));
        HttpResponse<String> afterwards = second.send("POST", "/api/v1/admin/reindex", "admin.demo", Map.of());
        assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(202);
        String secondRebuild = JSON.readTree(afterwards.body()).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(JSON.readTree(first.get(
                "/api/v1/admin/reindex/" + secondRebuild, "admin.demo").body()).get("state").asString()).isEqualTo("DONE"));

        // pending search writes (as a crash between a write and its indexing leaves them) are caught up by
        // one instance, once, although both look every second
        int pending = 25;
        List<String> cityIds = JSON.readTree(get(first, "/api/v1/cities?size=" + pending).body()).get("items")
                .valueStream().map(city -> city.get("id").asString()).toList();
        assertThat(cityIds).hasSize(pending);
        int[] logLengths = {Files.readString(first.log()).length(), Files.readString(second.log()).length()};
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            MongoCollection<Document> outbox = client.getDatabase("citystep").getCollection("search_outbox");
            await().atMost(Duration.ofSeconds(30)).until(() -> Mono.from(outbox.countDocuments()).block() == 0);
            Date due = Date.from(java.time.Instant.now().minusSeconds(1));
            Mono.from(outbox.insertMany(cityIds.stream().map(city -> new Document("_id", "cities/" + city)
                    .append("index", "cities").append("documentId", city).append("token", "test-" + city)
                    .append("attempts", 0).append("dueAt", due)).toList())).block();
            await().atMost(Duration.ofSeconds(30)).until(() -> Mono.from(outbox.countDocuments()).block() == 0);
        }
        Thread.sleep(2_000); // both would have had their rounds
        long caughtUpByFirst = caughtUp(Files.readString(first.log()).substring(logLengths[0]));
        long caughtUpBySecond = caughtUp(Files.readString(second.log()).substring(logLengths[1]));
        assertThat(caughtUpByFirst + caughtUpBySecond).as("documents caught up, by both together").isEqualTo(pending);
        assertThat(List.of(caughtUpByFirst, caughtUpBySecond)).as("caught up by one instance only").contains(0L);

        // cluster suggestions (computed at the simultaneous start, and after the publication above):
        // never by both at the same time
        List<long[]> computations = new java.util.ArrayList<>();
        computations.addAll(suggestionComputations(Files.readString(first.log())));
        List<long[]> ofTheSecond = suggestionComputations(Files.readString(second.log()));
        assertThat(computations.size() + ofTheSecond.size()).as("suggestion computations").isPositive();
        for (long[] one : computations) {
            for (long[] other : ofTheSecond) {
                assertThat(one[1] <= other[0] || other[1] <= one[0])
                        .as("computations at %s-%s and %s-%s overlap", one[0], one[1], other[0], other[1]).isTrue();
            }
        }

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
    private boolean startUpRebuildDone() throws Exception {
        HttpResponse<String> latest = first.get("/api/v1/admin/reindex/latest", "admin.demo");
        return latest.statusCode() == 200 && JSON.readTree(latest.body()).get("state").asString().equals("DONE");
    }

    private boolean rebuildRunning() throws Exception {
        HttpResponse<String> latest = first.get("/api/v1/admin/reindex/latest", "admin.demo");
        return latest.statusCode() == 200 && JSON.readTree(latest.body()).get("state").asString().equals("RUNNING");
    }

    /** The curators' notifications on {@code app} that case study {@code id} was submitted. */
    private static long submittedNotifications(AppProcess app, String id) throws Exception {
        return JSON.readTree(get(app, "/api/v1/me/notifications?size=100").body()).get("items").valueStream()
                .filter(item -> item.get("action").asString().contains("caseStudy.submitted")
                        && item.get("text").asString().contains(id))
                .count();
    }

    private static final Pattern CAUGHT_UP = Pattern.compile("Search caught up with (\\d+) documents");

    private static long caughtUp(String log) {
        return CAUGHT_UP.matcher(log).results().mapToLong(found -> Long.parseLong(found.group(1))).sum();
    }

    /** Start and end (epoch ms) of every computation of cluster suggestions the log reports. */
    private static List<long[]> suggestionComputations(String log) {
        Pattern computed = Pattern.compile("^(\\S+)\\s.*Cluster suggestions: .* in (\\d+) ms", Pattern.MULTILINE);
        return computed.matcher(log).results().map(found -> {
            long end = java.time.OffsetDateTime.parse(found.group(1)).toInstant().toEpochMilli();
            return new long[] {end - Long.parseLong(found.group(2)), end};
        }).toList();
    }

    private static String elasticsearch(String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + System.getenv().getOrDefault("ES_PORT", "9200")
                        + path)).method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
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
