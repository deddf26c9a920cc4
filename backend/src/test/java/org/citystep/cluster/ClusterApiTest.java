package org.citystep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citystep.support.Fixtures;
import org.citystep.support.Staircase;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

/**
 * Clusters through the HTTP API: a city editor acts for its own city only, curators approve, the
 * status moves proposed → active → closed, and suggestions can be accepted into a proposed cluster.
 */
@WithoutElasticsearch
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterApiTest {

    @Autowired
    WebTestClient client;
    @Autowired
    ClusterSuggestionService suggestions;

    @BeforeAll
    void cities() {
        for (String id : List.of("cl-lead", "cl-friend", "cl-other")) {
            Staircase.createCity(client, Staircase.city(id, "ES", "EU", 500_000, "MUNICIPALITY", List.of("OTHER"),
                    List.of("es")));
        }
        for (int i = 0; i < 4; i++) {
            Staircase.createCity(client, Staircase.city("cl-water-" + i, "CN", "CHINA", 3_000_000, "MUNICIPALITY",
                    List.of("WATER", "WASTE_MANAGEMENT", i % 2 == 0 ? "ENVIRONMENT" : "FOOD_SAFETY"), List.of("zh")));
        }
    }

    private static Map<String, Object> proposal(String id, String lead, List<String> invited) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", Map.of("en", "Open mobility data", "zh", "交通开放数据"));
        body.put("purpose", Map.of("en", "Publish bus data together."));
        body.put("topic", Map.of("serviceDomains", List.of("OPEN_DATA", "TRANSPORTATION"), "keywords", List.of("GTFS")));
        body.put("leadCityId", lead);
        body.put("invitedCityIds", invited);
        return body;
    }

    private long version(String id) {
        return Fixtures.version(client, "/api/v1/clusters/" + id);
    }

    @Test
    void proposedByACityApprovedByACuratorJoinedAndClosed() {
        var lead = Users.editorOf("cl-lead");
        client.mutateWith(lead).post().uri("/api/v1/clusters").bodyValue(proposal("cl-mobility", "cl-lead",
                        List.of("cl-friend"))).exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/v1/clusters/cl-mobility")
                .expectBody()
                .jsonPath("$.status").isEqualTo("PROPOSED")
                .jsonPath("$.members[0].cityId").isEqualTo("cl-lead")
                .jsonPath("$.members[0].role").isEqualTo("LEAD")
                .jsonPath("$.members[0].name.en").isEqualTo("City cl-lead")
                .jsonPath("$.invited[0].cityId").isEqualTo("cl-friend")
                .jsonPath("$.origin.kind").isEqualTo("CITY");

        // proposed: the public and uninvolved cities do not see it; the invited city does and joins
        client.get().uri("/api/v1/clusters/cl-mobility").exchange().expectStatus().isNotFound();
        client.mutateWith(Users.editorOf("cl-other")).get().uri("/api/v1/clusters/cl-mobility").exchange()
                .expectStatus().isNotFound();
        client.mutateWith(Users.editorOf("cl-friend")).post().uri("/api/v1/clusters/cl-mobility/members")
                .bodyValue(Map.of("cityId", "cl-friend")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.members[1].cityId").isEqualTo("cl-friend")
                .jsonPath("$.invited").isEmpty();

        // only curators approve
        client.mutateWith(lead).post().uri("/api/v1/clusters/cl-mobility/approve")
                .bodyValue(Map.of("version", version("cl-mobility"))).exchange().expectStatus().isForbidden();
        client.mutateWith(Users.curator()).post().uri("/api/v1/clusters/cl-mobility/approve")
                .bodyValue(Map.of("version", version("cl-mobility"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        client.get().uri("/api/v1/clusters?status=ACTIVE&cityId=cl-lead").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo("cl-mobility");

        // active: open to other cities, each for itself
        client.mutateWith(Users.editorOf("cl-lead")).post().uri("/api/v1/clusters/cl-mobility/members")
                .bodyValue(Map.of("cityId", "cl-other")).exchange().expectStatus().isForbidden();
        client.mutateWith(Users.editorOf("cl-other")).post().uri("/api/v1/clusters/cl-mobility/members")
                .bodyValue(Map.of("cityId", "cl-other")).exchange().expectStatus().isOk();
        client.mutateWith(Users.editorOf("cl-other")).post().uri("/api/v1/clusters/cl-mobility/members")
                .bodyValue(Map.of("cityId", "cl-other")).exchange().expectStatus().isEqualTo(409);
        client.mutateWith(Users.editorOf("cl-other")).delete().uri("/api/v1/clusters/cl-mobility/members/cl-friend")
                .exchange().expectStatus().isForbidden();

        // only the lead edits; a stale version is refused
        Map<String, Object> edit = proposal("cl-mobility", null, List.of());
        edit.put("version", version("cl-mobility"));
        edit.put("name", Map.of("en", "Open mobility data alliance"));
        client.mutateWith(Users.editorOf("cl-friend")).put().uri("/api/v1/clusters/cl-mobility").bodyValue(edit)
                .exchange().expectStatus().isForbidden();
        client.mutateWith(lead).put().uri("/api/v1/clusters/cl-mobility").bodyValue(edit).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.name.en").isEqualTo("Open mobility data alliance");
        client.mutateWith(lead).put().uri("/api/v1/clusters/cl-mobility").bodyValue(edit).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:stale-version");

        // the lead leaves: the longest-standing member leads; then the new lead closes it
        client.mutateWith(lead).delete().uri("/api/v1/clusters/cl-mobility/members/cl-lead").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.members[0].cityId").isEqualTo("cl-friend")
                .jsonPath("$.members[0].role").isEqualTo("LEAD");
        client.mutateWith(Users.editorOf("cl-friend")).post().uri("/api/v1/clusters/cl-mobility/close")
                .bodyValue(Map.of("version", version("cl-mobility"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");
        client.mutateWith(lead).post().uri("/api/v1/clusters/cl-mobility/members")
                .bodyValue(Map.of("cityId", "cl-lead")).exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void aCityEditorProposesForItsOwnCityOnly() {
        client.post().uri("/api/v1/clusters").bodyValue(proposal("cl-x", "cl-lead", List.of())).exchange()
                .expectStatus().isUnauthorized();
        client.mutateWith(Users.editorOf("cl-other")).post().uri("/api/v1/clusters")
                .bodyValue(proposal("cl-x", "cl-lead", List.of())).exchange().expectStatus().isForbidden();
        client.mutateWith(Users.expert()).post().uri("/api/v1/clusters")
                .bodyValue(proposal("cl-x", "cl-lead", List.of())).exchange().expectStatus().isForbidden();
        client.mutateWith(Users.curator()).get().uri("/api/v1/clusters/cl-x").exchange().expectStatus().isNotFound();
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        var curator = Users.curator();
        Map<String, Object> unknownRefs = proposal("cl-bad", "cl-lead", List.of("nowhere"));
        unknownRefs.put("caseStudyIds", List.of("no-such-study"));
        unknownRefs.put("expertIds", List.of("no-such-expert"));
        client.mutateWith(curator).post().uri("/api/v1/clusters").bodyValue(unknownRefs).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'invitedCityIds')]").exists()
                .jsonPath("$.errors[?(@.field == 'caseStudyIds')]").exists()
                .jsonPath("$.errors[?(@.field == 'expertIds')]").exists();
        Map<String, Object> markup = proposal("cl-bad", "cl-lead", List.of());
        markup.put("name", Map.of("en", "<script>alert(1)</script>"));
        client.mutateWith(curator).post().uri("/api/v1/clusters").bodyValue(markup).exchange()
                .expectStatus().isBadRequest();
        Map<String, Object> injection = proposal("cl-bad", "cl-lead", List.of());
        injection.put("leadCityId", Map.of("$gt", ""));
        client.mutateWith(curator).post().uri("/api/v1/clusters").bodyValue(injection).exchange()
                .expectStatus().isBadRequest();
        client.mutateWith(curator).post().uri("/api/v1/clusters").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": {\"en\": \"X\"}, \"status\": \"ACTIVE\"}").exchange()
                .expectStatus().isBadRequest();
        client.mutateWith(curator).get().uri("/api/v1/clusters/cl-bad").exchange().expectStatus().isNotFound();
        client.mutateWith(curator).post().uri("/api/v1/clusters/suggestions/s-0000000000000000/accept").exchange()
                .expectStatus().isNotFound();
        client.mutateWith(curator).post().uri("/api/v1/clusters/suggestions/DROP/accept").exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void anAcceptedSuggestionBecomesAProposedClusterThenActiveOnceApproved() {
        StepVerifier.create(suggestions.refresh(Map.of())).expectNextCount(1).verifyComplete();
        byte[] page = client.get().uri("/api/v1/clusters/suggestions?size=100").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        String json = new String(page);
        String id = json.replaceAll("(?s).*\"id\":\"(s-[0-9a-f]{16})\",\"members\":\\[\\{\"cityId\":\"cl-water-0\".*", "$1");
        assertThat(id).matches("s-[0-9a-f]{16}");

        client.mutateWith(Users.editorOf("cl-lead")).post().uri("/api/v1/clusters/suggestions/{id}/accept", id).exchange()
                .expectStatus().isForbidden();
        byte[] created = client.mutateWith(Users.editorOf("cl-water-2")).post()
                .uri("/api/v1/clusters/suggestions/{id}/accept", id).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.status").isEqualTo("PROPOSED")
                .jsonPath("$.origin.kind").isEqualTo("SUGGESTION")
                .jsonPath("$.origin.suggestionId").isEqualTo(id)
                .jsonPath("$.origin.reasons[0].zh").isNotEmpty()
                .jsonPath("$.members[0].cityId").isEqualTo("cl-water-2")
                .jsonPath("$.invited.length()").isEqualTo(3)
                .jsonPath("$.topic.serviceDomains").value(domains -> assertThat((List<String>) domains)
                        .contains("WATER", "WASTE_MANAGEMENT"))
                .returnResult().getResponseBody();
        String clusterId = new String(created).replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");

        client.mutateWith(Users.editorOf("cl-water-0")).post().uri("/api/v1/clusters/suggestions/{id}/accept", id)
                .exchange().expectStatus().isEqualTo(409);
        // while proposed, the cluster is shown only to those who may see it: curators and the cities it names
        client.mutateWith(Users.editorOf("cl-water-0")).get().uri("/api/v1/clusters/suggestions?size=100").exchange()
                .expectBody().jsonPath("$.items[?(@.suggestion.id == '" + id + "')].existingClusterId")
                .isEqualTo(clusterId);
        client.mutateWith(Users.curator()).get().uri("/api/v1/clusters/suggestions?size=100").exchange()
                .expectBody().jsonPath("$.items[?(@.suggestion.id == '" + id + "')].existingClusterId")
                .isEqualTo(clusterId);
        for (WebTestClient caller : List.of(client, client.mutateWith(Users.editorOf("cl-lead")))) {
            String shown = new String(caller.get().uri("/api/v1/clusters/suggestions?size=100").exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody());
            assertThat(shown).contains(id).doesNotContain(clusterId);
        }
        client.mutateWith(Users.curator()).post().uri("/api/v1/clusters/{id}/approve", clusterId)
                .bodyValue(Map.of("version", version(clusterId))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        client.get().uri("/api/v1/clusters/suggestions?size=100").exchange()
                .expectBody().jsonPath("$.items[?(@.suggestion.id == '" + id + "')].existingClusterId")
                .isEqualTo(clusterId);
    }
}
