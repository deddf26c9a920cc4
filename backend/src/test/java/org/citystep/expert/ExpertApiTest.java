package org.citystep.expert;

import java.util.List;
import java.util.Map;

import org.citystep.support.Fixtures;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The expert database: curators propose and approve; experts keep their own record; contacts need sign-in. */
@WithoutElasticsearch
class ExpertApiTest {

    @Autowired
    WebTestClient client;

    private static Map<String, Object> expert(String id, String name, String language, String characteristic) {
        return Map.of("id", id, "name", name, "country", "NL", "region", "EU", "languages", List.of("en", language),
                "expertise", Map.of("characteristics", List.of(characteristic), "serviceDomains", List.of("OPEN_DATA")),
                "availability", "AVAILABLE", "contact", Map.of("email", id + "@example.org"),
                "bio", Map.of("en", "Works on open data."));
    }

    private long versionOf(String id) {
        return Fixtures.version(client, "/api/v1/experts/" + id);
    }

    @Test
    void proposedExpertIsHiddenUntilACuratorApprovesIt() {
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts")
                .bodyValue(expert("ex-jansen", "Eva Jansen", "nl", "VALUE_ASSESSMENT")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("PROPOSED");

        client.get().uri("/api/v1/experts/ex-jansen").exchange().expectStatus().isNotFound();
        client.get().uri("/api/v1/experts?status=PROPOSED").exchange().expectStatus().isForbidden();

        client.mutateWith(Users.expert()).post().uri("/api/v1/experts/ex-jansen/approve")
                .bodyValue(Map.of("version", versionOf("ex-jansen"))).exchange()
                .expectStatus().isForbidden();
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts/ex-jansen/approve")
                .bodyValue(Map.of("version", versionOf("ex-jansen"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("APPROVED");

        client.get().uri("/api/v1/experts?characteristic=VALUE_ASSESSMENT&language=nl").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").isEqualTo(List.of("ex-jansen"));
    }

    @Test
    void contactDetailsAreForSignedInUsersOnly() {
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts")
                .bodyValue(expert("ex-chen", "Chen Jing", "zh", "GOVERNANCE")).exchange().expectStatus().isCreated();
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts/ex-chen/approve")
                .bodyValue(Map.of("version", versionOf("ex-chen"))).exchange().expectStatus().isOk();

        client.get().uri("/api/v1/experts/ex-chen").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Chen Jing").jsonPath("$.contact").doesNotExist();
        client.get().uri("/api/v1/experts?language=zh").exchange()
                .expectBody().jsonPath("$.items[0].contact").doesNotExist();
        client.mutateWith(Users.editorOf("amsterdam")).get().uri("/api/v1/experts/ex-chen").exchange()
                .expectBody().jsonPath("$.contact.email").isEqualTo("ex-chen@example.org");
    }

    @Test
    void anExpertEditsOnlyItsOwnRecord() {
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts")
                .bodyValue(expert("demo-expert", "Demo Expert", "fr", "FUNDING")).exchange().expectStatus().isCreated();
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts")
                .bodyValue(expert("ex-other", "Other Expert", "de", "FUNDING")).exchange().expectStatus().isCreated();

        Map<String, Object> change = new java.util.HashMap<>(expert("demo-expert", "Demo Expert", "fr", "FUNDING"));
        change.put("version", versionOf("demo-expert"));
        change.put("availability", "LIMITED");
        client.mutateWith(Users.expert()).put().uri("/api/v1/experts/demo-expert").bodyValue(change).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.availability").isEqualTo("LIMITED").jsonPath("$.status").isEqualTo("PROPOSED");

        change.put("id", "ex-other");
        change.put("version", versionOf("ex-other"));
        client.mutateWith(Users.expert()).put().uri("/api/v1/experts/ex-other").bodyValue(change).exchange()
                .expectStatus().isForbidden();
        client.mutateWith(Users.editorOf("amsterdam")).put().uri("/api/v1/experts/ex-other").bodyValue(change)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void invalidExpertsAreRefused() {
        Map<String, Object> bad = new java.util.HashMap<>(expert("ex-bad", "Bad", "en", "FUNDING"));
        bad.put("contact", Map.of("email", "not-an-email"));
        bad.put("expertise", Map.of("characteristics", List.of("ASTROLOGY")));
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts").bodyValue(bad).exchange()
                .expectStatus().isBadRequest();
        client.mutateWith(Users.curator()).get().uri("/api/v1/experts/ex-bad").exchange().expectStatus().isNotFound();
    }
}
