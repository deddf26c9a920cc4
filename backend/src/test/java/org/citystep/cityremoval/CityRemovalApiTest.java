package org.citystep.cityremoval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Map;

import org.citystep.assessment.AssessmentService;
import org.citystep.audit.AuditRecord;
import org.citystep.city.City;
import org.citystep.city.CityService;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceDataService;
import org.citystep.support.Fixtures;
import org.citystep.support.Staircase;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

/**
 * Admins retire, restore and delete cities created by mistake: a retired city leaves every
 * comparison but is kept; a deleted one goes with its assessments, case studies and cluster places,
 * and a deletion that stopped halfway is finished by the worker. Nobody else may do any of it.
 */
@WithoutElasticsearch
class CityRemovalApiTest {

    @Autowired
    WebTestClient client;
    @Autowired
    CityService cities;
    @Autowired
    AssessmentService assessments;
    @Autowired
    ReferenceDataService reference;
    @Autowired
    CityDeletionWorker worker;
    @Autowired
    ReactiveMongoTemplate template;

    private void city(String id) {
        Staircase.createCity(client, Staircase.city(id, "NL", "EU", 100_000, "MUNICIPALITY", List.of("WATER"),
                List.of("nl")));
    }

    private long version(String id) {
        return Fixtures.version(client, "/api/v1/cities/" + id);
    }

    private List<String> comparedIds() {
        List<String> ids = new java.util.ArrayList<>();
        StepVerifier.create(cities.allForComparison().map(City::id).collectList()).consumeNextWith(ids::addAll)
                .verifyComplete();
        return ids;
    }

    private List<AuditRecord> audit(String resourceId) {
        List<AuditRecord> found = new java.util.ArrayList<>();
        StepVerifier.create(template.find(Query.query(where("resourceId").is(resourceId)).with(Sort.by("_id")),
                AuditRecord.class).collectList()).consumeNextWith(found::addAll).verifyComplete();
        return found;
    }

    @Test
    void onlyAdminsRetireRestoreOrDelete() {
        city("rm-guarded");
        Map<String, Object> step = Map.of("version", version("rm-guarded"));
        client.post().uri("/api/v1/admin/cities/rm-guarded/retire").bodyValue(step).exchange()
                .expectStatus().isUnauthorized();
        for (var user : List.of(Users.curator(), Users.editorOf("rm-guarded"), Users.expert())) {
            client.mutateWith(user).post().uri("/api/v1/admin/cities/rm-guarded/retire").bodyValue(step).exchange()
                    .expectStatus().isForbidden();
            client.mutateWith(user).delete().uri("/api/v1/admin/cities/rm-guarded?confirm=rm-guarded").exchange()
                    .expectStatus().isForbidden();
        }
        client.delete().uri("/api/v1/admin/cities/rm-guarded?confirm=rm-guarded").exchange().expectStatus().isUnauthorized();
        // nothing changed
        client.get().uri("/api/v1/cities/rm-guarded").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(step.get("version"));
        assertThat(comparedIds()).contains("rm-guarded");
    }

    @Test
    void aRetiredCityLeavesComparisonsAndComesBackWhenRestored() {
        city("rm-retired");
        long v = version("rm-retired");
        client.mutateWith(Users.admin()).post().uri("/api/v1/admin/cities/rm-retired/retire")
                .bodyValue(Map.of("version", v)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("RETIRED");
        assertThat(comparedIds()).doesNotContain("rm-retired");
        client.mutateWith(Users.admin()).get().uri("/api/v1/admin/cities/hidden?size=100").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == 'rm-retired')].state").isEqualTo("RETIRED");

        // a stale version, or retiring twice, is refused and changes nothing
        client.mutateWith(Users.admin()).post().uri("/api/v1/admin/cities/rm-retired/restore")
                .bodyValue(Map.of("version", v)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:stale-version");
        client.mutateWith(Users.admin()).post().uri("/api/v1/admin/cities/rm-retired/retire")
                .bodyValue(Map.of("version", v + 1)).exchange().expectStatus().isEqualTo(409);
        client.mutateWith(Users.admin()).post().uri("/api/v1/admin/cities/rm-retired/retire")
                .bodyValue(Map.of("version", -1)).exchange().expectStatus().isBadRequest();
        client.mutateWith(Users.admin()).post().uri("/api/v1/admin/cities/nowhere/retire")
                .bodyValue(Map.of("version", 0)).exchange().expectStatus().isNotFound();

        client.mutateWith(Users.admin()).post().uri("/api/v1/admin/cities/rm-retired/restore")
                .bodyValue(Map.of("version", v + 1)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").doesNotExist();
        assertThat(comparedIds()).contains("rm-retired");
        assertThat(audit("rm-retired")).extracting(AuditRecord::action).containsSubsequence("city.retired", "city.updated");
    }

    @Test
    void aDeletedCityGoesWithItsAssessmentsCaseStudiesAndClusterPlaces() {
        city("rm-mistake");
        city("rm-partner");
        Staircase.assess(assessments, reference, "rm-mistake", Map.of(Characteristic.STRATEGY, MaturityLevel.AVERAGE));
        Staircase.publishCaseStudy(client, "rm-mistake-study", "rm-mistake", Map.of("en", "Leak sensors"),
                Characteristic.STRATEGY, MaturityLevel.BASIC, MaturityLevel.AVERAGE, false);
        client.mutateWith(Users.editorOf("rm-mistake")).post().uri("/api/v1/clusters")
                .bodyValue(Map.of("id", "rm-cluster", "name", Map.of("en", "Leaks"), "leadCityId", "rm-mistake",
                        "invitedCityIds", List.of("rm-partner")))
                .exchange().expectStatus().isCreated();
        client.mutateWith(Users.editorOf("rm-partner")).post().uri("/api/v1/clusters/rm-cluster/members")
                .bodyValue(Map.of("cityId", "rm-partner")).exchange().expectStatus().isOk();

        // the id must be typed again
        client.mutateWith(Users.admin()).delete().uri("/api/v1/admin/cities/rm-mistake?confirm=rm-partner").exchange()
                .expectStatus().isBadRequest();
        client.get().uri("/api/v1/cities/rm-mistake").exchange().expectStatus().isOk();

        client.mutateWith(Users.admin()).delete().uri("/api/v1/admin/cities/rm-mistake?confirm=rm-mistake").exchange()
                .expectStatus().isNoContent();
        client.get().uri("/api/v1/cities/rm-mistake").exchange().expectStatus().isNotFound();
        client.mutateWith(Users.curator()).get().uri("/api/v1/case-studies/rm-mistake-study").exchange()
                .expectStatus().isNotFound();
        client.get().uri("/api/v1/cities/rm-mistake/assessment").exchange().expectStatus().isNotFound();
        // the partner leads the cluster now; the deleted city is named nowhere
        client.mutateWith(Users.curator()).get().uri("/api/v1/clusters/rm-cluster").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.members.length()").isEqualTo(1)
                .jsonPath("$.members[0].cityId").isEqualTo("rm-partner")
                .jsonPath("$.members[0].role").isEqualTo("LEAD");
        assertThat(comparedIds()).doesNotContain("rm-mistake");
        assertThat(audit("rm-mistake")).extracting(AuditRecord::action).contains("city.deleted");
        assertThat(audit("rm-cluster")).extracting(AuditRecord::action).last().isEqualTo("cluster.memberLeft");
        // deleting again finds nothing
        client.mutateWith(Users.admin()).delete().uri("/api/v1/admin/cities/rm-mistake?confirm=rm-mistake").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aDeletedCityLeavesTheReviewQueue() {
        city("rm-queued");
        client.mutateWith(Users.editorOf("rm-queued")).put().uri("/api/v1/cities/rm-queued/assessment/draft")
                .bodyValue(Map.of("characteristics", List.of(Map.of("characteristic", "FUNDING",
                        "criteriaMet", List.of("FUNDING.BASIC.1"),
                        "evidence", Map.of("answers", Map.of("FUNDING.Q1", "Municipal budget."))))))
                .exchange().expectStatus().isOk();
        long draft = Fixtures.version(client, "/api/v1/cities/rm-queued/assessment/draft");
        client.mutateWith(Users.editorOf("rm-queued")).post().uri("/api/v1/cities/rm-queued/assessment/draft/submit")
                .bodyValue(Map.of("version", draft)).exchange().expectStatus().isOk();
        client.mutateWith(Users.curator()).get().uri("/api/v1/reviews?size=100").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.cityId == 'rm-queued')]").isNotEmpty();

        client.mutateWith(Users.admin()).delete().uri("/api/v1/admin/cities/rm-queued?confirm=rm-queued").exchange()
                .expectStatus().isNoContent();
        client.mutateWith(Users.curator()).get().uri("/api/v1/reviews?size=100").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.cityId == 'rm-queued')]").isEmpty();
    }

    @Test
    void aDeletionThatStoppedHalfwayIsFinishedByTheWorker() {
        city("rm-halfway");
        Staircase.assess(assessments, reference, "rm-halfway", Map.of(Characteristic.FUNDING, MaturityLevel.BASIC));
        // the app stopped right after marking the city: hidden, but nothing removed yet
        StepVerifier.create(cities.markDeleting("rm-halfway", adminUser())).expectNextCount(1).verifyComplete();
        assertThat(comparedIds()).doesNotContain("rm-halfway");
        client.get().uri("/api/v1/cities/rm-halfway/assessment").exchange().expectStatus().isOk();

        StepVerifier.create(worker.finishPending()).assertNext(finished -> assertThat(finished).isPositive())
                .verifyComplete();
        client.get().uri("/api/v1/cities/rm-halfway").exchange().expectStatus().isNotFound();
        client.get().uri("/api/v1/cities/rm-halfway/assessment").exchange().expectStatus().isNotFound();
    }

    private static org.citystep.security.CurrentUser adminUser() {
        return new org.citystep.security.CurrentUser("admin-sub", "admin.demo",
                java.util.Set.of(org.citystep.security.Role.ADMIN), java.util.Optional.empty(), java.util.Optional.empty());
    }
}
