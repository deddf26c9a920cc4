package org.citystep.shared.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import reactor.test.StepVerifier;

/** Filling a search index reads every document (or every matching one) exactly once, a batch at a time. */
class IdBatchesTest {

    @Document("items")
    record Item(@Id String id, int number) {
    }

    @Test
    void everyDocumentComesOnceInBatchesOfTheGivenSize() {
        MongoServer server = new MongoServer(new HelloAnsweringBackends.Memory());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "citystep");
            StepVerifier.create(IdBatches.all(mongo, Item.class, 500)).verifyComplete();

            List<Item> items = IntStream.range(0, 1_203).mapToObj(n -> new Item("item-" + n, n)).toList();
            StepVerifier.create(mongo.insertAll(items).count()).expectNext(1_203L).verifyComplete();

            StepVerifier.create(IdBatches.all(mongo, Item.class, 500).collectList())
                    .assertNext(read -> assertThat(read).containsExactlyInAnyOrderElementsOf(items))
                    .verifyComplete();
            // only what the query matches (a rebuild's replay of recent writes)
            var recent = org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("number").gte(1_000));
            StepVerifier.create(IdBatches.matching(mongo, recent, Item.class, 50).map(Item::number).sort().collectList())
                    .assertNext(read -> assertThat(read).isEqualTo(IntStream.range(1_000, 1_203).boxed().toList()))
                    .verifyComplete();
        }
        finally {
            server.shutdown();
        }
    }
}
