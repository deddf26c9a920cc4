package org.citystep.expert;

import java.util.List;

import org.citystep.reference.Characteristic;
import org.citystep.support.Staircase;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * While Elasticsearch is down a small directory is read from MongoDB with the same meaning as the
 * read model: the start of a name's words, and a language compared by its primary tag.
 */
@WithoutElasticsearch
class ExpertListingTest {

    @Autowired
    WebTestClient client;

    @Test
    void withoutSearchANameIsFoundByItsStartAndZhFindsZhCnSpeakers() {
        Staircase.approvedExpert(client, "nf-alpha", "CN", "CHINA", Characteristic.FUNDING, List.of("zh-CN", "en"));
        Staircase.approvedExpert(client, "nf-beta", "NL", "EU", Characteristic.FUNDING, List.of("nl"));
        client.get().uri("/api/v1/experts?name={name}&size=50", "expert nf-al").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo("nf-alpha");
        client.get().uri("/api/v1/experts?name={name}&language=zh&size=50", "nf-").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].id").isEqualTo("nf-alpha");
        client.get().uri("/api/v1/experts?name={name}&size=50", "lpha").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0);
    }
}
