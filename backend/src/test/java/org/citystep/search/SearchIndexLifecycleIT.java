package org.citystep.search;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;

import org.citystep.support.KeycloakTokens;
import org.citystep.support.TestIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Elasticsearch is only a read model: when its index is lost (a wiped cluster), the next write
 * notices and the app creates the index again and fills it from MongoDB without anyone acting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "citystep.elasticsearch.index-prefix=citystep-test-lifecycle-${random.uuid}")
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIndexLifecycleIT {

    @Autowired
    WebTestClient client;

    @Autowired
    ElasticsearchAsyncClient elasticsearch;

    @Autowired
    ElasticsearchProperties properties;

    @Test
    void aLostIndexIsRecreatedAndRefilledFromMongo() {
        for (String id : new String[] {"lifecycle-one", "lifecycle-two"}) {
            client.post().uri("/api/v1/cities")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + KeycloakTokens.accessToken("curator.demo"))
                    .bodyValue(Map.of("id", id, "name", Map.of("en", "Lifecycle " + id), "country", "NL", "region", "EU"))
                    .exchange().expectStatus().isCreated();
        }
        // written while the app may still be creating its indexes: a write Elasticsearch refused
        // meanwhile comes with the outbox's catch-up (every 10 s, first retry after 10 s)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/api/v1/search?q=lifecycle")
                .exchange().expectBody().jsonPath("$.total").isEqualTo(2));

        String alias = properties.aliasFor("cities");
        // the app's own first fill (a tracked rebuild) has finished: the index it leaves is the one lost
        await().atMost(Duration.ofSeconds(30)).until(() -> Mono.fromFuture(() -> elasticsearch.indices()
                        .getAlias(a -> a.name(alias)))
                .map(found -> found.result().keySet().stream().noneMatch(index -> index.endsWith(SearchIndexes.UNFILLED)))
                .block());
        StepVerifier.create(Mono.fromFuture(() -> elasticsearch.indices().getAlias(a -> a.name(alias)))
                        .flatMap(found -> Mono.fromFuture(() -> elasticsearch.indices()
                                .delete(d -> d.index(new ArrayList<>(found.result().keySet()))))))
                .expectNextCount(1).verifyComplete();
        client.get().uri("/api/v1/search?q=lifecycle").exchange().expectBody().jsonPath("$.total").isEqualTo(0);

        // the next write notices, and the index comes back with everything MongoDB holds
        client.post().uri("/api/v1/cities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + KeycloakTokens.accessToken("curator.demo"))
                .bodyValue(Map.of("id", "lifecycle-three", "name", Map.of("en", "Lifecycle three"), "country", "NL",
                        "region", "EU"))
                .exchange().expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> client.get().uri("/api/v1/search?q=lifecycle")
                .exchange().expectBody().jsonPath("$.total").isEqualTo(3));
    }

    @AfterAll
    void deleteTestIndexes() {
        TestIndexes.deleteAll(elasticsearch, properties.indexPrefix());
    }
}
