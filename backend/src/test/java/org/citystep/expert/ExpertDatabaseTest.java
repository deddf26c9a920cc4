package org.citystep.expert;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citystep.audit.AuditRecord;
import org.citystep.support.Fixtures;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

/**
 * Curators retire experts (the record stays, the expert vanishes from lists); an expert keeps its
 * own profile through {@code /experts/me}, with a level per characteristic of its expertise.
 */
@WithoutElasticsearch
class ExpertDatabaseTest {

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveMongoTemplate template;

    @org.junit.jupiter.api.BeforeEach
    void patient() {
        // the first request of a fresh test JVM can be slow on a loaded machine
        client = client.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    private long versionOf(String id) {
        return Fixtures.version(client, "/api/v1/experts/" + id);
    }

    private static Map<String, Object> profile(long version, Map<String, Object> expertise) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("name", "Dr. Self");
        body.put("country", "DE");
        body.put("region", "EU");
        body.put("languages", List.of("de", "en"));
        body.put("expertise", expertise);
        body.put("availability", "LIMITED");
        body.put("contact", Map.of("email", "self@example.org"));
        return body;
    }

    @Test
    void retiredExpertVanishesFromListsButKeepsItsRecord() {
        Fixtures.approvedExpert(client, "xd-retiring");
        client.mutateWith(Users.expertWith("xd-retiring")).post().uri("/api/v1/experts/xd-retiring/retire")
                .bodyValue(Map.of("version", versionOf("xd-retiring"))).exchange().expectStatus().isForbidden();
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts/xd-retiring/retire")
                .bodyValue(Map.of("version", versionOf("xd-retiring") + 5)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:stale-version");
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts/xd-retiring/retire")
                .bodyValue(Map.of("version", versionOf("xd-retiring"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RETIRED");

        client.get().uri("/api/v1/experts/xd-retiring").exchange().expectStatus().isNotFound();
        client.get().uri("/api/v1/experts?characteristic=FUNDING&size=100").exchange()
                .expectBody().jsonPath("$.items[?(@.id == 'xd-retiring')]").isEmpty();
        client.get().uri("/api/v1/experts?status=RETIRED").exchange().expectStatus().isForbidden();
        client.mutateWith(Users.curator()).get().uri("/api/v1/experts?size=100").exchange()
                .expectBody().jsonPath("$.items[?(@.id == 'xd-retiring')]").isEmpty();
        client.mutateWith(Users.curator()).get().uri("/api/v1/experts?status=RETIRED&size=100").exchange()
                .expectBody().jsonPath("$.items[?(@.id == 'xd-retiring')].name").isEqualTo(List.of("Reviewer xd-retiring"));
        // neither retired twice nor approved again
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts/xd-retiring/retire")
                .bodyValue(Map.of("version", versionOf("xd-retiring"))).exchange().expectStatus().isEqualTo(409);
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts/xd-retiring/approve")
                .bodyValue(Map.of("version", versionOf("xd-retiring"))).exchange()
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        StepVerifier.create(template.find(Query.query(where("resourceId").is("xd-retiring")), AuditRecord.class)
                        .map(entry -> entry.action() + ":" + entry.versionBefore() + ">" + entry.versionAfter())
                        .collectList())
                .assertNext(actions -> org.assertj.core.api.Assertions.assertThat(actions)
                        .containsExactly("expert.proposed:null>0", "expert.approved:0>1", "expert.retired:1>2"))
                .verifyComplete();
    }

    @Test
    void anExpertEditsItsOwnProfileThroughMe() {
        Fixtures.approvedExpert(client, "xd-self");
        var self = Users.expertWith("xd-self");
        client.mutateWith(self).get().uri("/api/v1/experts/me").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo("xd-self")
                .jsonPath("$.status").isEqualTo("APPROVED");
        long version = versionOf("xd-self");

        client.mutateWith(self).put().uri("/api/v1/experts/me")
                .bodyValue(profile(version, Map.of("characteristics", List.of("FUNDING", "STRATEGY"),
                        "serviceDomains", List.of("ENERGY_UTILITIES"), "levels", Map.of("FUNDING", "MORE_ADVANCED"))))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Dr. Self")
                .jsonPath("$.availability").isEqualTo("LIMITED")
                .jsonPath("$.expertise.levels.FUNDING").isEqualTo("MORE_ADVANCED")
                .jsonPath("$.contact.email").isEqualTo("self@example.org")
                .jsonPath("$.status").isEqualTo("APPROVED");

        // a stale version, a level outside the expertise or a made-up level: refused, nothing changed
        client.mutateWith(self).put().uri("/api/v1/experts/me")
                .bodyValue(profile(version, Map.of("characteristics", List.of("FUNDING")))).exchange()
                .expectStatus().isEqualTo(409);
        client.mutateWith(self).put().uri("/api/v1/experts/me")
                .bodyValue(profile(version + 1, Map.of("characteristics", List.of("FUNDING"),
                        "levels", Map.of("GOVERNANCE", "BASIC")))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("expertise.levels");
        client.mutateWith(self).put().uri("/api/v1/experts/me")
                .bodyValue(profile(version + 1, Map.of("characteristics", List.of("FUNDING"),
                        "levels", Map.of("FUNDING", "GENIUS")))).exchange()
                .expectStatus().isBadRequest();
        client.mutateWith(self).get().uri("/api/v1/experts/me").exchange()
                .expectBody().jsonPath("$.version").isEqualTo(version + 1)
                .jsonPath("$.expertise.characteristics.length()").isEqualTo(2);

        // the old route checks the same: one's own record only
        client.mutateWith(Users.expertWith("xd-someone-else")).put().uri("/api/v1/experts/xd-self")
                .bodyValue(profile(version + 1, Map.of("characteristics", List.of("FUNDING")))).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void meIsForExpertsWithARecord() {
        client.get().uri("/api/v1/experts/me").exchange().expectStatus().isUnauthorized();
        client.mutateWith(Users.editorOf("xd-city")).get().uri("/api/v1/experts/me").exchange().expectStatus().isForbidden();
        client.mutateWith(Users.expertWithoutRecord()).get().uri("/api/v1/experts/me").exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.mutateWith(Users.editorOf("xd-city")).put().uri("/api/v1/experts/me")
                .bodyValue(profile(0, Map.of("characteristics", List.of("FUNDING")))).exchange()
                .expectStatus().isForbidden();
        client.mutateWith(Users.curator()).get().uri("/api/v1/experts/me").exchange().expectStatus().isForbidden();
    }
}
