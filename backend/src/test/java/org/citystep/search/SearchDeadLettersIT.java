package org.citystep.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.bson.Document;
import org.citystep.support.Fixtures;
import org.citystep.support.KeycloakTokens;
import org.citystep.support.TestIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A document Elasticsearch really refuses (it breaks its index's strict mapping) goes through the
 * catch-up worker as in production: it is tried again with a growing pause while everything written
 * after it is indexed, becomes a dead letter that an admin finds with Elasticsearch's reason and
 * that the metric counts, and once its cause is fixed the admin's retry makes it searchable.
 * The backoff is shortened (100 ms, doubling, dead after 5 refusals) through its settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "citystep.elasticsearch.index-prefix=citystep-test-deadletters-${random.uuid}",
        "citystep.elasticsearch.catch-up-interval=1s",
        "citystep.elasticsearch.retry-first=100ms",
        "citystep.elasticsearch.retry-max=1s",
        "citystep.elasticsearch.dead-letter-after=5"})
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchDeadLettersIT {

    private static final String LETTERS = "letter";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The letter index's MongoDB side, in memory: the test decides what each document looks like. */
    static final class LetterSource implements SearchDocuments.Source<SearchIndexer.Indexable> {

        final ConcurrentSkipListMap<String, SearchIndexer.Indexable> documents = new ConcurrentSkipListMap<>();

        /** A document its index takes. */
        void put(String id, long version, String title) {
            documents.put(id, new SearchIndexer.Indexable(id, version,
                    Map.of("type", LETTERS, "cityId", "nowhere", "title", Map.of("en", title))));
        }

        /** A document its index refuses: the mapping is strict and knows no field {@code stamp}. */
        void putUnindexable(String id, long version, String title) {
            documents.put(id, new SearchIndexer.Indexable(id, version,
                    Map.of("type", LETTERS, "cityId", "nowhere", "title", Map.of("en", title), "stamp", "not in the mapping")));
        }

        @Override
        public Mono<Long> count() {
            return Mono.fromSupplier(() -> (long) documents.size());
        }

        @Override
        public Flux<SearchIndexer.Indexable> all() {
            return Flux.defer(() -> Flux.fromIterable(List.copyOf(documents.values())));
        }

        @Override
        public Flux<SearchIndexer.Indexable> changedSince(Instant since) {
            return all();
        }

        @Override
        public Flux<SearchIndexer.Indexable> byIds(Collection<String> ids) {
            return Flux.fromIterable(ids).mapNotNull(documents::get);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class LetterIndex {

        @Bean
        static SearchIndex letterIndex() {
            return new SearchIndex(LETTERS, LETTERS, "search/probe-mapping.json");
        }

        @Bean
        LetterSource letterSource() {
            return new LetterSource();
        }

        @Bean
        SearchDocuments letterDocuments(LetterSource source) {
            return SearchDocuments.of(LETTERS, source, documents -> documents);
        }
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ElasticsearchAsyncClient elasticsearch;

    @Autowired
    ElasticsearchProperties properties;

    @Autowired
    LetterSource source;

    @Autowired
    SearchOutbox outbox;

    @Autowired
    ReactiveMongoTemplate mongo;

    private static String bearer(String user) {
        return "Bearer " + KeycloakTokens.accessToken(user);
    }

    private long total(String type, String words) {
        byte[] body = client.get().uri("/api/v1/search?type={type}&size=1&q={q}", type, words).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body).get("total").asLong();
    }

    /** What a writer leaves when its own indexing did not take: the outbox entry, due for the worker. */
    private void written(String id) {
        outbox.addAll(LETTERS, List.of(id)).block();
    }

    private JsonNode deadLetters() {
        byte[] body = client.get().uri("/api/v1/admin/search/dead-letters").header(HttpHeaders.AUTHORIZATION, bearer("admin.demo"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    /** The gauge as Prometheus scrapes it. */
    private double deadLetterGauge() {
        String metrics = client.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer("admin.demo"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return metrics.lines().filter(line -> line.startsWith("citystep_search_dead_letters"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no citystep_search_dead_letters in " + metrics));
    }

    private int attemptsOf(String id) {
        Document entry = mongo.findById(SearchOutbox.key(LETTERS, id), Document.class, "search_outbox").block();
        return entry == null ? -1 : entry.getInteger("attempts", 0);
    }

    @Test
    void aDocumentElasticsearchRefusesBlocksNothingBecomesADeadLetterAndIsIndexedOnceFixedAndRetried() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        // the index exists (the app creates it on start) and is empty
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(total(LETTERS, "")).isZero();
            // and the rebuild the app starts on its own for its new indexes has ended: only the catch-up meets the poison
            assertThat(mongo.findAll(ReindexJob.class).map(ReindexJob::getState).collectList().block())
                    .isNotEmpty().doesNotContain(ReindexJob.State.RUNNING);
        });

        // the oldest pending write is one Elasticsearch refuses
        source.putUnindexable("poison", 1, "Poison letter");
        written("poison");
        source.put("first-after", 1, "Fine letter one");
        written("first-after");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(attemptsOf("poison")).isGreaterThanOrEqualTo(2));

        // while it is being tried again, later writes are indexed: of this index and of others
        source.put("second-after", 1, "Fine letter two");
        written("second-after");
        client.post().uri("/api/v1/cities").header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .bodyValue(Fixtures.city("deadletter-town", "Deadletter Town", "NL", "EU")).exchange()
                .expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(total(LETTERS, "fine")).isEqualTo(2);
            assertThat(total("city", "deadletter")).isEqualTo(1);
        });
        assertThat(total(LETTERS, "poison")).isZero();

        // after five refusals it is a dead letter: listed for admins with what Elasticsearch said, and counted
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode dead = deadLetters();
            assertThat(dead.get("total").asLong()).isEqualTo(1);
            JsonNode letter = dead.get("items").get(0);
            assertThat(letter.get("index").asString()).isEqualTo(LETTERS);
            assertThat(letter.get("documentId").asString()).isEqualTo("poison");
            assertThat(letter.get("attempts").asInt()).isEqualTo(5);
            assertThat(letter.get("lastError").asString()).contains("strict_dynamic_mapping_exception").contains("stamp");
            assertThat(letter.get("deadSince").isNull()).isFalse();
            assertThat(deadLetterGauge()).isEqualTo(1.0);
        });
        // and no longer tried
        int attempts = attemptsOf("poison");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertThat(attemptsOf("poison")).isEqualTo(attempts));

        // only admins see or retry dead letters
        client.get().uri("/api/v1/admin/search/dead-letters").header(HttpHeaders.AUTHORIZATION, bearer("editor.amsterdam"))
                .exchange().expectStatus().isForbidden();
        client.get().uri("/api/v1/admin/search/dead-letters").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/admin/search/dead-letters/retry").header(HttpHeaders.AUTHORIZATION, bearer("editor.amsterdam"))
                .exchange().expectStatus().isForbidden();
        client.post().uri("/api/v1/admin/search/dead-letters/retry").exchange().expectStatus().isUnauthorized();

        // the cause is fixed (the source now produces a document its index takes); the admin retries
        source.put("poison", 2, "Poison letter mended");
        client.post().uri("/api/v1/admin/search/dead-letters/retry").header(HttpHeaders.AUTHORIZATION, bearer("admin.demo"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.retried").isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(total(LETTERS, "mended")).isEqualTo(1);
            assertThat(deadLetters().get("total").asLong()).isZero();
            assertThat(deadLetterGauge()).isZero();
            assertThat(attemptsOf("poison")).as("its outbox entry is settled").isEqualTo(-1);
        });
    }

    @AfterAll
    void cleanUp() {
        TestIndexes.deleteAll(elasticsearch, properties.indexPrefix());
    }
}
