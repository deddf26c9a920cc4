package org.citystep.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.citystep.support.KeycloakTokens;
import org.citystep.support.TestIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read model heals itself, shown on an extra index whose MongoDB side the test controls and
 * can make fail: a changed mapping is rebuilt as a tracked job beside the old index, which serves
 * until the new one is complete, even when the first tries fail partway; a change that other
 * documents are built from reaches them through the outbox; and the consistency check finds every
 * difference between the index and its source, and its repair removes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "citystep.elasticsearch.index-prefix=citystep-test-healing-${random.uuid}",
        "citystep.elasticsearch.catch-up-interval=1s"})
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchSelfHealingIT {

    private static final String PROBE = "probe";
    private static final int DOCUMENTS = 1_200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The probe index's MongoDB side: documents in memory, and reads that can be made to fail partway. */
    static final class ProbeSource implements SearchDocuments.Source<SearchIndexer.Indexable> {

        final ConcurrentSkipListMap<String, SearchIndexer.Indexable> documents = new ConcurrentSkipListMap<>();
        /** How many of the next full reads break off after 600 documents. */
        final AtomicInteger failingReads = new AtomicInteger();
        /** When set, full reads wait until it completes (a slow source). */
        volatile reactor.core.publisher.Sinks.@org.jspecify.annotations.Nullable Empty<Void> gate;
        /**
         * When set, "changed since" finds nothing: like the real sources after a removal (the document
         * is gone) or a fan-out (its dependents' versions and updatedAt stay as they were).
         */
        volatile boolean nothingChangedSince;
        /** How many full reads have taken their snapshot of the documents. */
        final AtomicInteger fullReads = new AtomicInteger();

        void put(String id, long version, String cityId, String title) {
            documents.put(id, new SearchIndexer.Indexable(id, version,
                    Map.of("type", PROBE, "cityId", cityId, "title", Map.of("en", title))));
        }

        @Override
        public Mono<Long> count() {
            return Mono.fromSupplier(() -> (long) documents.size());
        }

        @Override
        public Flux<SearchIndexer.Indexable> all() {
            return Flux.defer(() -> {
                var waitFor = gate;
                Flux<SearchIndexer.Indexable> all = Flux.fromIterable(List.copyOf(documents.values()));
                fullReads.incrementAndGet();
                if (waitFor != null) {
                    all = waitFor.asMono().thenMany(all);
                }
                return failingReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                        ? all.take(600).concatWith(Flux.error(new IllegalStateException("injected: the read broke off")))
                        : all;
            });
        }

        @Override
        public Flux<SearchIndexer.Indexable> changedSince(Instant since) {
            return Flux.defer(() -> nothingChangedSince ? Flux.empty() : Flux.fromIterable(List.copyOf(documents.values())));
        }

        @Override
        public Flux<SearchIndexer.Indexable> byIds(Collection<String> ids) {
            return Flux.fromIterable(ids).mapNotNull(documents::get);
        }

        Flux<String> idsOfCity(String cityId) {
            return Flux.fromIterable(List.copyOf(documents.values()))
                    .filter(document -> cityId.equals(((Map<?, ?>) document.document()).get("cityId")))
                    .map(SearchIndexer.Indexable::id);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ProbeIndex {

        @Bean
        static SearchIndex probeIndex() {
            return new SearchIndex(PROBE, PROBE, "search/probe-mapping.json");
        }

        @Bean
        ProbeSource probeSource() {
            ProbeSource source = new ProbeSource();
            for (int i = 0; i < DOCUMENTS; i++) {
                source.put("probe-%04d".formatted(i), 1, "probe-city-" + (i % 12), "Probe document " + i);
            }
            return source;
        }

        @Bean
        SearchDocuments probeDocuments(ProbeSource source) {
            return SearchDocuments.of(PROBE, source, documents -> documents)
                    .dependsOn("cities", source::idsOfCity);
        }
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ElasticsearchAsyncClient elasticsearch;

    @Autowired
    ElasticsearchProperties properties;

    @Autowired
    ProbeSource source;

    @Autowired
    SearchOutbox outbox;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ReactiveMongoTemplate mongo;

    private String alias() {
        return properties.aliasFor(PROBE);
    }

    private long searchTotal(String words) {
        byte[] body = client.get().uri("/api/v1/search?type=probe&size=1&q={q}", words).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body).get("total").asLong();
    }

    private List<String> indicesBehindAlias() {
        return Mono.fromFuture(() -> elasticsearch.indices().getAlias(a -> a.name(alias())))
                .map(found -> List.copyOf(found.result().keySet())).block();
    }

    private JsonNode consistency(String how) {
        var request = how.equals("repair") ? client.post().uri("/api/v1/admin/search/consistency/repair")
                : client.get().uri("/api/v1/admin/search/consistency");
        byte[] body = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + KeycloakTokens.accessToken("admin.demo"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private static JsonNode probeReport(JsonNode report) {
        for (JsonNode index : report.get("indexes")) {
            if (index.get("index").asString().equals(PROBE)) {
                return index;
            }
        }
        throw new AssertionError("No report of the probe index in " + report);
    }

    @BeforeEach
    void everythingIndexed() {
        // the machine running the tests may be busy: a slow answer is not what these tests are about
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        source.gate = null;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(searchTotal("")).isEqualTo(DOCUMENTS);
            assertThat(consistency("check").get("consistent").asBoolean()).isTrue();
            // the rebuild the app starts on its own for its new indexes has ended
            assertThat(mongo.findAll(ReindexJob.class).filter(job -> job.getState() == ReindexJob.State.RUNNING)
                    .collectList().block()).isEmpty();
        });
    }

    @Test
    void aChangedMappingIsRebuiltBesideTheOldIndexWhichServesUntilTheNewOneIsComplete() throws Exception {
        // the probe index as an earlier version of the app left it: another mapping, five documents
        List<String> current = indicesBehindAlias();
        String old = alias() + "-0000000000-19700101-000000-000";
        String mapping = new ClassPathResource("search/probe-mapping.json").getContentAsString(StandardCharsets.UTF_8);
        Mono.fromFuture(() -> elasticsearch.indices().create(c -> c.index(old).withJson(new StringReader(mapping)))).block();
        for (int i = 0; i < 5; i++) {
            String id = "old-" + i;
            Mono.fromFuture(() -> elasticsearch.index(d -> d.index(old).id(id).refresh(Refresh.True)
                    .document(Map.of("type", PROBE, "title", Map.of("en", "Old document"))))).block();
        }
        Mono.fromFuture(() -> elasticsearch.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.indices(current).alias(alias())))
                .actions(a -> a.add(add -> add.index(old).alias(alias()).isWriteIndex(true))))).block();
        Mono.fromFuture(() -> elasticsearch.indices().delete(d -> d.index(current))).block();
        assertThat(searchTotal("")).isEqualTo(5);
        // and one that a rebuild left behind when its instance died, behind no alias
        String orphan = alias() + "-00000000ff-19700101-000000-000";
        Mono.fromFuture(() -> elasticsearch.indices().create(c -> c.index(orphan).withJson(new StringReader(mapping)))).block();

        // the next two reads of the source break off partway; then the app notices the old mapping
        source.failingReads.set(2);
        events.publishEvent(new SearchIndexMissing(PROBE));

        List<Long> seen = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            seen.add(searchTotal(""));
            assertThat(jobs("DONE")).isNotEmpty();
        });
        assertThat(jobs("FAILED")).hasSize(2)
                .allSatisfy(job -> assertThat(job.getError()).contains("injected: the read broke off"));
        assertThat(jobs("DONE")).singleElement()
                .satisfies(job -> assertThat(job.getTrigger()).contains("probe (its mapping changed)"));
        // searches answered from the old index until the new one was complete: never half of it
        assertThat(seen).contains(5L).allMatch(total -> total == 5 || total == DOCUMENTS);
        assertThat(searchTotal("")).isEqualTo(DOCUMENTS);
        // the alias moved to one complete index on the current mapping; the old one, the orphan and the
        // broken tries are gone
        assertThat(indicesBehindAlias()).singleElement()
                .satisfies(index -> assertThat(index).doesNotContain("0000000000").doesNotEndWith(SearchIndexes.UNFILLED));
        Set<String> all = Mono.fromFuture(() -> elasticsearch.indices().get(g -> g.index(alias() + "-*")))
                .map(found -> found.result().keySet()).block();
        assertThat(all).containsExactlyElementsOf(indicesBehindAlias());
    }

    private List<ReindexJob> jobs(String state) {
        return mongo.findAll(ReindexJob.class).filter(job -> job.getState().name().equals(state))
                .filter(job -> job.getTrigger() != null && job.getTrigger().contains("probe (its mapping changed)"))
                .collectList().block();
    }

    @Test
    void aChangeOtherDocumentsAreBuiltFromReachesThemThroughTheOutbox() {
        List<String> ofCity = source.idsOfCity("probe-city-7").collectList().block();
        for (String id : ofCity) {
            source.put(id, 2, "probe-city-7", "Moved document");
        }
        // what a city's writer records before a move: the catch-up expands it into the documents built from it
        outbox.addDependents("cities", "probe-city-7").block();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(searchTotal("moved")).isEqualTo(ofCity.size()).isEqualTo(DOCUMENTS / 12);
            assertThat(outbox.size().block()).isZero();
        });
    }

    @Test
    void theConsistencyCheckFindsEveryDifferenceAndItsRepairRemovesThem() {
        // a document lost, one newer in the index than in MongoDB (MongoDB lost a write), one MongoDB no longer has
        String alias = alias();
        Mono.fromFuture(() -> elasticsearch.delete(d -> d.index(alias).id("probe-0001"))).block();
        Mono.fromFuture(() -> elasticsearch.index(d -> d.index(alias).id("probe-0002").version(9L)
                .versionType(VersionType.External).document(Map.of("type", PROBE, "title", Map.of("en", "Ahead"))))).block();
        Mono.fromFuture(() -> elasticsearch.index(d -> d.index(alias).id("ghost").version(1L)
                .versionType(VersionType.External).document(Map.of("type", PROBE, "title", Map.of("en", "Ghost"))))).block();
        TestIndexes.refresh(elasticsearch, properties.indexPrefix());

        JsonNode report = consistency("check");
        assertThat(report.get("consistent").asBoolean()).isFalse();
        JsonNode probe = probeReport(report);
        assertThat(probe.get("inMongo").asLong()).isEqualTo(DOCUMENTS);
        assertThat(probe.get("inIndex").asLong()).isEqualTo(DOCUMENTS);
        assertThat(List.of(probe.get("missing").asLong(), probe.get("stale").asLong(), probe.get("extra").asLong()))
                .containsExactly(1L, 1L, 1L);
        List<String> examples = new ArrayList<>();
        probe.get("examples").forEach(id -> examples.add(id.asString()));
        assertThat(examples).containsExactlyInAnyOrder("probe-0001", "probe-0002", "ghost");
        // the other indexes are not touched by it
        report.get("indexes").forEach(index -> {
            if (!index.get("index").asString().equals(PROBE)) {
                assertThat(index.get("missing").asLong() + index.get("stale").asLong() + index.get("extra").asLong())
                        .isZero();
            }
        });

        assertThat(consistency("repair").get("repairQueued").asLong()).isEqualTo(3);
        // the two documents the repair deletes and writes again meet the delete's tombstone first
        // (this index keeps tombstones one second), are refused, and are written on the next try
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(consistency("check").get("consistent").asBoolean()).isTrue());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(searchTotal("ahead")).isZero();
            assertThat(searchTotal("ghost")).isZero();
            assertThat(searchTotal("")).isEqualTo(DOCUMENTS);
        });
    }

    @Test
    void aSecondRebuildIsRefusedWhileOneRuns() {
        source.gate = reactor.core.publisher.Sinks.empty();
        String admin = "Bearer " + KeycloakTokens.accessToken("admin.demo");
        byte[] started = client.post().uri("/api/v1/admin/reindex").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody();
        String id = JSON.readTree(started).get("id").asString();
        // held at the probe index, whose source does not answer yet
        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/v1/admin/reindex").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.detail").isEqualTo("A rebuild is running already.");
        }
        // searches answer from the index in use meanwhile
        assertThat(searchTotal("")).isEqualTo(DOCUMENTS);

        source.gate.tryEmitEmpty();
        source.gate = null;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> client.get().uri("/api/v1/admin/reindex/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectBody().jsonPath("$.state").isEqualTo("DONE"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(searchTotal("")).isEqualTo(DOCUMENTS));
    }

    /** Starts a rebuild and waits until it reads the probe index's source, which the gate holds. */
    private String rebuildHeldAtTheProbe() {
        int readsBefore = source.fullReads.get();
        source.gate = reactor.core.publisher.Sinks.empty();
        byte[] started = client.post().uri("/api/v1/admin/reindex")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + KeycloakTokens.accessToken("admin.demo")).exchange()
                .expectStatus().isAccepted().expectBody().returnResult().getResponseBody();
        String id = JSON.readTree(started).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mongo.findById(id, ReindexJob.class).block()
                .getIndexes()).anySatisfy(progress -> {
                    assertThat(progress.name()).isEqualTo(PROBE);
                    assertThat(progress.newIndex()).isNotNull();
                }));
        // the rebuild has read what the probe's source holds now, and waits at the gate to write it
        await().atMost(Duration.ofSeconds(60)).until(() -> source.fullReads.get() > readsBefore);
        return id;
    }

    private ReindexJob endOf(String id) {
        source.gate.tryEmitEmpty();
        source.gate = null;
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(id, ReindexJob.class).block().getState()
                != ReindexJob.State.RUNNING);
        return mongo.findById(id, ReindexJob.class).block();
    }

    @Test
    void aRemovalAndAFanOutSettledIntoTheOldIndexDuringARebuildReachTheNewOne() throws Exception {
        source.nothingChangedSince = true;
        List<String> retired = source.idsOfCity("probe-city-3").collectList().block();
        List<String> moved = source.idsOfCity("probe-city-5").collectList().block();
        try {
            String id = rebuildHeldAtTheProbe();
            // the new index is being filled from what the source held before these changes
            // a city retired: its documents leave search
            for (String gone : retired) {
                source.documents.remove(gone);
            }
            outbox.addAll(PROBE, retired).block();
            // another city moved: the documents built from it change, at the same version
            for (String dependent : moved) {
                source.put(dependent, source.documents.get(dependent).version(), "probe-city-5", "Relocated document");
            }
            outbox.addDependents("cities", "probe-city-5").block();
            // both reach the index in use (the old one) and are settled
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(searchTotal("relocated")).isEqualTo(moved.size());
                assertThat(searchTotal("")).isEqualTo(DOCUMENTS - retired.size());
                assertThat(outbox.size().block()).isZero();
            });

            assertThat(endOf(id).getState()).isEqualTo(ReindexJob.State.DONE);
            // the new index shows what the source says: the retired city's documents gone, the moved one's changed
            assertThat(searchTotal("relocated")).isEqualTo(moved.size()).isEqualTo(DOCUMENTS / 12);
            assertThat(searchTotal("")).isEqualTo(DOCUMENTS - retired.size());
            assertThat(probeReport(consistency("check")).get("missing").asLong()).isZero();
            assertThat(probeReport(consistency("check")).get("extra").asLong()).isZero();
        }
        finally {
            source.nothingChangedSince = false;
            for (String back : retired) {
                source.put(back, 3, "probe-city-3", "Probe document back");
            }
            outbox.addAll(PROBE, retired).block();
            source.gate = null;
        }
    }

    @Test
    void aRebuildThatLostItsLeaseStopsAndRecordsWhy() {
        String id = rebuildHeldAtTheProbe();
        try {
            // this instance paused past its lease's expiry, and another instance took it
            mongo.getCollection("leases").flatMap(leases -> Mono.from(leases.updateOne(
                    new org.bson.Document("_id", SearchRebuilds.LEASE),
                    new org.bson.Document("$set", new org.bson.Document("holder", "another-instance")
                            .append("until", java.util.Date.from(Instant.now().plus(Duration.ofMinutes(5)))))))).block();

            ReindexJob ended = endOf(id);
            assertThat(ended.getState()).isEqualTo(ReindexJob.State.FAILED);
            assertThat(ended.getError()).contains("Lost the rebuild lease");
            // searches answer from the index in use, complete
            assertThat(searchTotal("")).isEqualTo(DOCUMENTS);
            assertThat(indicesBehindAlias()).hasSize(1);
        }
        finally {
            source.gate = null;
            mongo.getCollection("leases").flatMap(leases -> Mono.from(leases.deleteOne(
                    new org.bson.Document("_id", SearchRebuilds.LEASE)))).block();
        }
    }

    @Test
    void onlyAdminsMayCompareOrRepair() {
        client.get().uri("/api/v1/admin/search/consistency").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/admin/search/consistency/repair")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + KeycloakTokens.accessToken("curator.demo"))
                .exchange().expectStatus().isForbidden();
    }

    @AfterAll
    void deleteTestIndexes() {
        TestIndexes.deleteAll(elasticsearch, properties.indexPrefix());
    }
}
