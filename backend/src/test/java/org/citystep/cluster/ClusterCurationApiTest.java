package org.citystep.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citystep.audit.AuditRecord;
import org.citystep.support.Fixtures;
import org.citystep.support.Staircase;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

/**
 * Curators' tools for clusters: proposing by hand, changing the invitations afterwards (with version
 * checks), proposing a suggestion with some cities unticked, and a proposed cluster's id never shown
 * to those who may not see it. Every write leaves an audit entry naming the cities to tell.
 */
@WithoutElasticsearch
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterCurationApiTest {

    @Autowired
    WebTestClient client;
    @Autowired
    ClusterSuggestionService suggestions;
    @Autowired
    ReactiveMongoTemplate template;

    @BeforeAll
    void cities() {
        for (String id : List.of("cc-a", "cc-b", "cc-c", "cc-d")) {
            Staircase.createCity(client, Staircase.city(id, "FR", "EU", 400_000, "MUNICIPALITY", List.of("OTHER"),
                    List.of("fr")));
        }
        for (int i = 0; i < 5; i++) {
            Staircase.createCity(client, Staircase.city("cc-log-" + i, "DE", "EU", 800_000, "MUNICIPALITY",
                    List.of("LOGISTICS", "PREVENTION", "INTELLIGENT_BUILDINGS"), List.of("de")));
        }
    }

    private static Map<String, Object> byHand(String id, List<String> invited) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", Map.of("en", "Night buses", "zh", "夜间公交"));
        body.put("topic", Map.of("serviceDomains", List.of("TRANSPORTATION"), "characteristics", List.of("SERVICES")));
        body.put("invitedCityIds", invited);
        return body;
    }

    private long version(String id) {
        return Fixtures.version(client, "/api/v1/clusters/" + id);
    }

    private List<AuditRecord> audit(String clusterId) {
        List<AuditRecord> found = new java.util.ArrayList<>();
        StepVerifier.create(template.find(Query.query(where("resourceId").is(clusterId)).with(Sort.by("_id")),
                AuditRecord.class).collectList()).consumeNextWith(found::addAll).verifyComplete();
        return found;
    }

    @Test
    void aCuratorProposesByHandAndChangesTheInvitationsWithVersionChecks() {
        client.mutateWith(Users.curator()).post().uri("/api/v1/clusters").bodyValue(byHand("cc-night", List.of("cc-a", "cc-b")))
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.origin.kind").isEqualTo("CURATOR")
                .jsonPath("$.members").isEmpty()
                .jsonPath("$.invited.length()").isEqualTo(2);
        client.mutateWith(Users.editorOf("cc-c")).get().uri("/api/v1/clusters/cc-night").exchange()
                .expectStatus().isNotFound();

        long v = version("cc-night");
        client.mutateWith(Users.curator()).put().uri("/api/v1/clusters/cc-night/invitations")
                .bodyValue(Map.of("version", v, "cityIds", List.of("cc-b", "cc-c"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.invited[*].cityId").value(ids -> assertThat((List<String>) ids).containsExactly("cc-b", "cc-c"));
        // the uninvited city no longer sees it; the newly invited one does
        client.mutateWith(Users.editorOf("cc-a")).get().uri("/api/v1/clusters/cc-night").exchange()
                .expectStatus().isNotFound();
        client.mutateWith(Users.editorOf("cc-c")).get().uri("/api/v1/clusters/cc-night").exchange()
                .expectStatus().isOk();

        // a stale version is refused and changes nothing
        client.mutateWith(Users.curator()).put().uri("/api/v1/clusters/cc-night/invitations")
                .bodyValue(Map.of("version", v, "cityIds", List.of("cc-d"))).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:stale-version");
        // unknown cities are refused with the field named
        client.mutateWith(Users.curator()).put().uri("/api/v1/clusters/cc-night/invitations")
                .bodyValue(Map.of("version", version("cc-night"), "cityIds", List.of("cc-d", "atlantis"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("cityIds");
        client.mutateWith(Users.curator()).put().uri("/api/v1/clusters/cc-night/invitations")
                .bodyValue(Map.of("version", version("cc-night"), "cityIds", List.of("NOT A SLUG"))).exchange()
                .expectStatus().isBadRequest();
        client.mutateWith(Users.curator()).get().uri("/api/v1/clusters/cc-night").exchange().expectBody()
                .jsonPath("$.invited[*].cityId").value(ids -> assertThat((List<String>) ids).containsExactly("cc-b", "cc-c"));

        // neither anonymous, nor an invited city, nor an expert may change who is invited
        Map<String, Object> change = Map.of("version", version("cc-night"), "cityIds", List.of("cc-d"));
        client.put().uri("/api/v1/clusters/cc-night/invitations").bodyValue(change).exchange()
                .expectStatus().isUnauthorized();
        client.mutateWith(Users.editorOf("cc-b")).put().uri("/api/v1/clusters/cc-night/invitations").bodyValue(change)
                .exchange().expectStatus().isForbidden();
        client.mutateWith(Users.expert()).put().uri("/api/v1/clusters/cc-night/invitations").bodyValue(change)
                .exchange().expectStatus().isForbidden();

        // an invited city joins; the member stays a member whatever the invitation list says
        client.mutateWith(Users.editorOf("cc-b")).post().uri("/api/v1/clusters/cc-night/members")
                .bodyValue(Map.of("cityId", "cc-b")).exchange().expectStatus().isOk();
        client.mutateWith(Users.curator()).put().uri("/api/v1/clusters/cc-night/invitations")
                .bodyValue(Map.of("version", version("cc-night"), "cityIds", List.of("cc-d"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.members[0].cityId").isEqualTo("cc-b")
                .jsonPath("$.invited[*].cityId").value(ids -> assertThat((List<String>) ids).containsExactly("cc-d"));

        // every write is in the audit log, with the cities to tell
        List<AuditRecord> entries = audit("cc-night");
        assertThat(entries).extracting(AuditRecord::action).containsExactly("cluster.created", "cluster.invited",
                "cluster.invited", "cluster.memberJoined", "cluster.invited");
        assertThat(entries.get(1).details()).containsEntry("cityIds", "cc-a,cc-b");
        assertThat(entries.get(2).details()).containsEntry("cityIds", "cc-c").containsEntry("uninvitedCityIds", "cc-a");
        assertThat(entries.get(2).versionBefore()).isEqualTo(v);
        assertThat(entries.get(2).versionAfter()).isEqualTo(v + 1);
        assertThat(entries.get(3).details()).containsEntry("memberCityId", "cc-b");
        assertThat(entries.get(3).cityId()).isEqualTo("cc-b");

        client.mutateWith(Users.curator()).post().uri("/api/v1/clusters/cc-night/approve")
                .bodyValue(Map.of("version", version("cc-night"))).exchange().expectStatus().isOk();
        AuditRecord approved = audit("cc-night").get(5);
        assertThat(approved.action()).isEqualTo("cluster.approved");
        assertThat(approved.details().get("cityIds")).contains("cc-b", "cc-d");
    }

    @Test
    void aSuggestionIsProposedWithOnlyTheTickedCitiesAndAHiddenProposalIsNeverNamed() {
        StepVerifier.create(suggestions.refresh(Map.of())).expectNextCount(1).verifyComplete();
        String json = new String(client.get().uri("/api/v1/clusters/suggestions?size=100").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        String id = json.replaceAll("(?s).*\"id\":\"(s-[0-9a-f]{16})\",\"members\":\\[\\{\"cityId\":\"cc-log-.*", "$1");
        assertThat(id).matches("s-[0-9a-f]{16}");

        // only suggested cities can be invited
        client.mutateWith(Users.curator()).post().uri("/api/v1/clusters/suggestions/{id}/accept", id)
                .bodyValue(Map.of("invitedCityIds", List.of("cc-log-0", "cc-a"))).exchange()
                .expectStatus().isBadRequest();
        // the curator unticks one city: four of five are invited (80%: the suggestion is covered)
        byte[] created = client.mutateWith(Users.curator()).post().uri("/api/v1/clusters/suggestions/{id}/accept", id)
                .bodyValue(Map.of("invitedCityIds", List.of("cc-log-0", "cc-log-1", "cc-log-2", "cc-log-3"))).exchange()
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.invited[*].cityId").value(ids -> assertThat((List<String>) ids)
                        .containsExactlyInAnyOrder("cc-log-0", "cc-log-1", "cc-log-2", "cc-log-3"))
                .returnResult().getResponseBody();
        String clusterId = new String(created).replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");
        assertThat(audit(clusterId)).extracting(AuditRecord::action).containsExactly("cluster.created", "cluster.invited");

        // the unticked city may not see the proposal: neither the suggestions nor the 409 name it
        var left = client.mutateWith(Users.editorOf("cc-log-4"));
        String shown = new String(left.get().uri("/api/v1/clusters/suggestions?size=100").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(shown).contains(id).doesNotContain(clusterId);
        String conflict = new String(left.post().uri("/api/v1/clusters/suggestions/{id}/accept", id).exchange()
                .expectStatus().isEqualTo(409).expectBody().returnResult().getResponseBody());
        assertThat(conflict).doesNotContain(clusterId);
        String anonymous = new String(client.get().uri("/api/v1/clusters/suggestions?size=100").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(anonymous).contains(id).doesNotContain(clusterId);
        // an uninvolved city is refused before learning whether anything covers the suggestion
        client.mutateWith(Users.editorOf("cc-a")).post().uri("/api/v1/clusters/suggestions/{id}/accept", id).exchange()
                .expectStatus().isForbidden();

        // two invited cities decline: no longer covered, but the derived id is taken: still not named
        for (String city : List.of("cc-log-2", "cc-log-3")) {
            client.mutateWith(Users.editorOf(city)).delete().uri("/api/v1/clusters/{c}/members/{city}", clusterId, city)
                    .exchange().expectStatus().isOk();
        }
        String taken = new String(left.post().uri("/api/v1/clusters/suggestions/{id}/accept", id).exchange()
                .expectStatus().isEqualTo(409).expectBody().returnResult().getResponseBody());
        assertThat(taken).doesNotContain(clusterId);
    }
}
