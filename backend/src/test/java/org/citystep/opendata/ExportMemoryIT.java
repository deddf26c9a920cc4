package org.citystep.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.bson.Document;
import org.citystep.support.AppProcess;
import org.citystep.support.MongoProcess;
import org.citystep.support.TestIndexes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Exports stream in constant memory: 100,000 published case studies (copies of a demo one, written
 * straight to the database: the export is under test, not how they got there) are exported whole
 * by an app whose heap is capped at 192 MB, which exits if it runs out. Their JSON alone is more
 * than that heap, so an export that held them would die. The app runs on its own MongoDB process
 * (as with several instances), so the cap is the app's alone.
 */
// writes 100k documents and reads them three times: minutes on a shared 2-core machine
@Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class ExportMemoryIT {

    private static final int COPIES = 100_000;
    private static final String HEAP = "192m";

    private final String prefix = "citystep-test-export-memory-" + UUID.randomUUID();
    private MongoProcess mongo;
    private AppProcess app;

    @TempDir
    Path work;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        TestIndexes.deleteAllOverHttp(prefix);
    }

    @Test
    void oneHundredThousandCaseStudiesAreExportedUnderASmallHeap() throws Exception {
        mongo = MongoProcess.start(Files.createDirectories(work.resolve("mongodb")));
        app = AppProcess.startWithHeap(Files.createDirectories(work.resolve("app")), prefix,
                Map.of("CITYSTEP_EMBEDDED_MONGODB", "false", "MONGODB_URI", mongo.uri()), HEAP);
        await().atMost(Duration.ofSeconds(120)).until(() -> Files.readString(app.log()).contains("demo case studies"));

        try (MongoClient client = MongoClients.create(mongo.uri())) {
            MongoCollection<Document> studies = client.getDatabase("citystep").getCollection("case_studies");
            // the longest published demo case study, copied
            Document published = Flux.from(studies.find(Filters.eq("status", "PUBLISHED")))
                    .reduce((a, b) -> a.toJson().length() >= b.toJson().length() ? a : b).block();
            assertThat(published).as("a published demo case study").isNotNull();
            Flux.range(0, COPIES / 2_000)
                    .concatMap(batch -> {
                        List<Document> copies = new ArrayList<>();
                        for (int i = 0; i < 2_000; i++) {
                            Document copy = Document.parse(published.toJson());
                            copy.put("_id", "memory-" + (batch * 2_000 + i));
                            copy.put("demo", false);
                            copies.add(copy);
                        }
                        return Mono.from(studies.insertMany(copies));
                    })
                    .blockLast(Duration.ofMinutes(8));
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicLong lines = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        HttpResponse<Stream<String>> export = http.send(HttpRequest.newBuilder(URI.create(
                        app.url("/api/v1/exports/case-studies?format=jsonl"))).timeout(Duration.ofMinutes(8)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(export.statusCode()).isEqualTo(200);
        try (Stream<String> body = export.body()) {
            body.forEach(line -> {
                lines.incrementAndGet();
                bytes.addAndGet(line.length() + 1);
            });
        }
        assertThat(lines.get()).as("every copy and the demo ones").isGreaterThan(COPIES);
        assertThat(bytes.get()).as("more JSON than the whole heap").isGreaterThan(192L * 1024 * 1024);
        assertThat(app.alive()).as("the app did not run out of heap").isTrue();
        assertThat(Files.readString(app.log())).doesNotContain("OutOfMemoryError");
        System.out.printf("exported %,d case studies, %,d MB of JSON Lines, under -Xmx%s%n", lines.get(),
                bytes.get() / (1024 * 1024), HEAP);
    }
}
