package org.citystep.glossary;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Map;

import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

/** The glossary's revision counter, as the first writes of a fresh database leave it. */
@WithoutElasticsearch
class GlossaryRevisionTest {

    @Autowired
    WebTestClient client;
    @Autowired
    ReactiveMongoTemplate template;

    @Test
    void aTermAddedBeforeTheSeedFinishedIsSavedNotA500() {
        Query revision = Query.query(where("_id").is(GlossaryRevision.ID));
        // a write counted before the seed finished: the counter exists, `seeded` does not
        StepVerifier.create(template.remove(revision, GlossaryRevision.class)
                        .then(template.upsert(revision, new Update().inc("value", 1), GlossaryRevision.class)))
                .expectNextCount(1).verifyComplete();

        client.mutateWith(Users.curator()).post().uri("/api/v1/glossary")
                .bodyValue(Map.of("category", "VOCABULARY", "en", List.of("early bird"), "zh", List.of("早鸟")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.en[0]").isEqualTo("early bird");

        StepVerifier.create(template.updateFirst(revision, new Update().set("seeded", true), GlossaryRevision.class))
                .expectNextCount(1).verifyComplete();
    }
}
