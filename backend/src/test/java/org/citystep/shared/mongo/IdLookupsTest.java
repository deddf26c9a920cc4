package org.citystep.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Queries naming an {@code _id} beside other conditions (every versioned save) are answered through
 * the {@code _id} index and still match the whole query, on both embedded backends.
 */
class IdLookupsTest {

    @TempDir
    Path dataDir;

    @Test
    void queriesNamingIdByPlainValueOrInTakeTheIdPath() {
        assertThat(IdLookups.idPart(new de.bwaldvogel.mongo.bson.Document("_id", "a").append("version", 3)))
                .isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", "a"));
        var in = new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", "b"));
        assertThat(IdLookups.idPart(new de.bwaldvogel.mongo.bson.Document("_id", in).append("status", "P")))
                .isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", in));
        // alone too: the documents the index finds are then not matched against 500 ids again
        assertThat(IdLookups.idPart(new de.bwaldvogel.mongo.bson.Document("_id", in))).isEqualTo(
                new de.bwaldvogel.mongo.bson.Document("_id", in));
        assertThat(IdLookups.rest(new de.bwaldvogel.mongo.bson.Document("_id", in).append("status", "P")))
                .isEqualTo(new de.bwaldvogel.mongo.bson.Document("status", "P"));
        // values the index cannot be trusted to answer exactly
        assertThat(IdLookups.idPart(new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document(
                "$in", List.of(new de.bwaldvogel.mongo.bson.Document("a", 1)))))).isNull();
        // an operator that the index cannot answer
        assertThat(IdLookups.idPart(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$ne", "a")).append("status", "P"))).isNull();
        assertThat(IdLookups.idPart(new de.bwaldvogel.mongo.bson.Document("status", "P").append("version", 1)))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void idQueriesWithMoreConditionsMatchTheWholeQuery(boolean onDisk) {
        MongoBackend backend = onDisk ? new HelloAnsweringBackends.H2(dataDir.resolve("db.mv").toString())
                : new HelloAnsweringBackends.Memory();
        withCollection(backend, studies -> {
            StepVerifier.create(Mono.from(studies.insertMany(List.of(
                            new Document("_id", "a").append("version", 1).append("status", "PUBLISHED"),
                            new Document("_id", "b").append("version", 2).append("status", "DRAFT"),
                            new Document("_id", "c").append("version", 5).append("status", "PUBLISHED")))))
                    .expectNextCount(1).verifyComplete();

            StepVerifier.create(Flux.from(studies.find(Filters.in("_id", "c", "x", "a")).sort(Sorts.ascending("_id")))
                    .map(d -> d.getString("_id"))).expectNext("a", "c").verifyComplete();
            // an id named twice is still one document
            StepVerifier.create(Flux.from(studies.find(Filters.in("_id", "c", "c", "x")))
                    .map(d -> d.getString("_id"))).expectNext("c").verifyComplete();
            StepVerifier.create(Flux.from(studies.find(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 2))))
                    .map(d -> d.getString("_id"))).expectNext("b").verifyComplete();
            StepVerifier.create(Flux.from(studies.find(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 3)))))
                    .verifyComplete();
            StepVerifier.create(Flux.from(studies.find(Filters.and(Filters.in("_id", "a", "b", "c", "x"),
                                    Filters.eq("status", "PUBLISHED"))).sort(Sorts.descending("version")))
                    .map(d -> d.getString("_id"))).expectNext("c", "a").verifyComplete();

            // a stale versioned write changes nothing; the current one changes exactly its document
            StepVerifier.create(Mono.from(studies.updateOne(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 1)),
                    Updates.set("status", "SUBMITTED"))).map(r -> r.getModifiedCount())).expectNext(0L).verifyComplete();
            StepVerifier.create(Mono.from(studies.updateOne(Filters.and(Filters.eq("_id", "b"), Filters.eq("version", 2)),
                    Updates.combine(Updates.set("status", "SUBMITTED"), Updates.inc("version", 1))))
                    .map(r -> r.getModifiedCount())).expectNext(1L).verifyComplete();
            StepVerifier.create(Mono.from(studies.find(Filters.eq("_id", "b")).first())
                    .map(d -> d.getString("status") + "@" + d.getInteger("version"))).expectNext("SUBMITTED@3")
                    .verifyComplete();

            StepVerifier.create(Mono.from(studies.deleteMany(Filters.and(Filters.in("_id", "a", "b"),
                    Filters.eq("status", "PUBLISHED")))).map(r -> r.getDeletedCount())).expectNext(1L).verifyComplete();
            StepVerifier.create(Flux.from(studies.find()).map(d -> d.getString("_id")).sort())
                    .expectNext("b", "c").verifyComplete();
        });
    }

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void everyIdComesFromTheIdIndexWithTheSameAnswerAsAScan(boolean onDisk) {
        MongoBackend backend = onDisk ? new HelloAnsweringBackends.H2(dataDir.resolve("ids.mv").toString())
                : new HelloAnsweringBackends.Memory();
        withCollection(backend, studies -> {
            StepVerifier.create(Flux.from(studies.find().projection(new Document("_id", 1)))).verifyComplete();
            StepVerifier.create(Mono.from(studies.insertMany(java.util.stream.IntStream.range(0, 1_203)
                            .mapToObj(n -> new Document("_id", "study-" + n).append("version", n)).toList())))
                    .expectNextCount(1).verifyComplete();
            StepVerifier.create(Mono.from(studies.deleteOne(Filters.eq("_id", "study-7")))).expectNextCount(1)
                    .verifyComplete();

            // a small batch size: the answer comes through the cursor, as IdBatches reads it
            StepVerifier.create(Flux.from(studies.find().projection(new Document("_id", 1)).batchSize(100)).collectList())
                    .assertNext(ids -> {
                        assertThat(ids).hasSize(1_202).allSatisfy(id -> assertThat(id.keySet()).containsExactly("_id"));
                        assertThat(ids.stream().map(id -> id.getString("_id")))
                                .doesNotContain("study-7").contains("study-0", "study-1202").doesNotHaveDuplicates();
                    })
                    .verifyComplete();
            // anything more than every id is still a scan that matches the whole query
            StepVerifier.create(Flux.from(studies.find(Filters.gte("version", 1_200)).projection(new Document("_id", 1)))
                    .map(d -> d.getString("_id")).sort()).expectNext("study-1200", "study-1201", "study-1202")
                    .verifyComplete();
            StepVerifier.create(Flux.from(studies.find().projection(new Document("_id", 1)).sort(Sorts.descending("version"))
                    .limit(2)).map(d -> d.getString("_id"))).expectNext("study-1202", "study-1201").verifyComplete();
        });
    }

    @Test
    void aDataFileOfThePlainServerOpensUnchanged() {
        String file = dataDir.resolve("old.mv").toString();
        withCollection(new H2Backend(file), studies -> StepVerifier.create(Mono.from(studies.insertOne(
                new Document("_id", "amsterdam-parking").append("version", 4)))).expectNextCount(1).verifyComplete());
        withCollection(new HelloAnsweringBackends.H2(file), studies -> StepVerifier.create(Flux.from(studies.find(
                        Filters.and(Filters.eq("_id", "amsterdam-parking"), Filters.eq("version", 4))))
                .map(d -> d.getString("_id"))).expectNext("amsterdam-parking").verifyComplete());
    }

    private static void withCollection(MongoBackend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            use.accept(client.getDatabase("citystep").getCollection("case_studies"));
        }
        finally {
            server.shutdown();
        }
    }
}
