package org.citystep.assessment;


import java.util.List;
import java.util.Map;

import org.citystep.support.Fixtures;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A city's editor drafts and submits its self-assessment, an expert validates or returns it; levels
 * follow the criteria; drafts stay private.
 */
@WithoutElasticsearch
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentWorkflowTest {

    private static final String REVIEWER = "wf-reviewer";

    @Autowired
    WebTestClient client;

    @BeforeAll
    void reviewer() {
        Fixtures.approvedExpert(client, REVIEWER);
    }

    private static final List<String> FUNDING_TO_AVERAGE = List.of("FUNDING.BASIC.1", "FUNDING.BASIC.2",
            "FUNDING.AVERAGE.1");

    private static Map<String, Object> draft(Long version, List<String> fundingCriteria) {
        Map<String, Object> funding = Map.of("characteristic", "FUNDING", "criteriaMet", fundingCriteria,
                "evidence", Map.of("answers", Map.of("FUNDING.Q1", "Municipal budget and an EU grant; < 20% private."),
                        "links", List.of("https://example.org/funding")));
        Map<String, Object> legal = Map.of("characteristic", "LEGAL_REGULATORY",
                "evidence", Map.of("answers", Map.of("LEGAL_REGULATORY.Q1", "Data protection rules shaped the design.")));
        return version == null ? Map.of("characteristics", List.of(funding, legal))
                : Map.of("version", version, "characteristics", List.of(funding, legal));
    }

    private long version(String city) {
        return Fixtures.version(client, "/api/v1/cities/" + city + "/assessment/draft");
    }

    /** A curator assigns the submitted draft's review to {@link #REVIEWER}. */
    private void assign(String city) {
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities/" + city + "/assessment/draft/assign")
                .bodyValue(Map.of("version", version(city), "expertId", REVIEWER)).exchange().expectStatus().isOk();
    }

    @Test
    void editorDraftsSubmitsAndExpertValidates() {
        Fixtures.createCity(client, "wf-lyon", "FR", "EU");

        client.mutateWith(Users.editorOf("wf-lyon")).put().uri("/api/v1/cities/wf-lyon/assessment/draft")
                .bodyValue(draft(null, FUNDING_TO_AVERAGE)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DRAFT")
                .jsonPath("$.characteristics[?(@.characteristic == 'FUNDING')].level").isEqualTo(List.of("AVERAGE"))
                .jsonPath("$.characteristics[?(@.characteristic == 'STRATEGY')].level").isEqualTo(List.of("NOT_ASSESSED"))
                .jsonPath("$.characteristics[?(@.characteristic == 'LEGAL_REGULATORY')].level").doesNotExist();

        // drafts are private: nothing public yet
        client.get().uri("/api/v1/cities/wf-lyon/assessment").exchange().expectStatus().isNotFound();
        client.get().uri("/api/v1/cities/wf-lyon/assessment/draft").exchange().expectStatus().isUnauthorized();
        client.mutateWith(Users.editorOf("wf-other")).get().uri("/api/v1/cities/wf-lyon/assessment/draft").exchange()
                .expectStatus().isForbidden();
        // an expert not assigned to it does not see it either
        client.mutateWith(Users.expertWith(REVIEWER)).get().uri("/api/v1/cities/wf-lyon/assessment/draft").exchange()
                .expectStatus().isForbidden();

        client.mutateWith(Users.editorOf("wf-lyon")).post().uri("/api/v1/cities/wf-lyon/assessment/draft/submit")
                .bodyValue(Map.of("version", version("wf-lyon"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
        assign("wf-lyon");
        client.mutateWith(Users.expertWith(REVIEWER)).get().uri("/api/v1/cities/wf-lyon/assessment/draft").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.reviewer.expertId").isEqualTo(REVIEWER);

        // an editor cannot validate its own city's assessment
        client.mutateWith(Users.editorOf("wf-lyon")).post().uri("/api/v1/cities/wf-lyon/assessment/draft/validate")
                .bodyValue(Map.of("version", version("wf-lyon"))).exchange()
                .expectStatus().isForbidden();

        client.mutateWith(Users.expertWith(REVIEWER)).post().uri("/api/v1/cities/wf-lyon/assessment/draft/validate")
                .bodyValue(Map.of("version", version("wf-lyon"), "note", "Evidence checked")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("VALIDATED").jsonPath("$.assessedAt").isNotEmpty();

        client.get().uri("/api/v1/cities/wf-lyon/assessment").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.cityId").isEqualTo("wf-lyon")
                .jsonPath("$.characteristics[?(@.characteristic == 'FUNDING')].level").isEqualTo(List.of("AVERAGE"))
                .jsonPath("$.characteristics[?(@.characteristic == 'FUNDING')].criteriaMet[0]").isEqualTo(List.of("FUNDING.AVERAGE.1"))
                .jsonPath("$.reviewNotes").doesNotExist();

        // the city now carries its levels, and can be found by them
        client.get().uri("/api/v1/cities/wf-lyon").exchange()
                .expectBody().jsonPath("$.levels.FUNDING").isEqualTo("AVERAGE")
                .jsonPath("$.levels.STRATEGY").isEqualTo("NOT_ASSESSED");
        client.get().uri("/api/v1/cities?characteristic=FUNDING&level=AVERAGE&country=FR").exchange()
                .expectBody().jsonPath("$.items[*].id").isEqualTo(List.of("wf-lyon"));
    }

    @Test
    void returnedAssessmentIsEditableAgainAndANewValidationKeepsHistory() {
        Fixtures.createCity(client, "wf-riga", "LV", "EU");
        var editor = Users.editorOf("wf-riga");
        client.mutateWith(editor).put().uri("/api/v1/cities/wf-riga/assessment/draft")
                .bodyValue(draft(null, List.of("FUNDING.BASIC.1", "FUNDING.BASIC.2"))).exchange().expectStatus().isOk();
        client.mutateWith(editor).post().uri("/api/v1/cities/wf-riga/assessment/draft/submit")
                .bodyValue(Map.of("version", version("wf-riga"))).exchange().expectStatus().isOk();
        assign("wf-riga");

        // while submitted it cannot be changed
        client.mutateWith(editor).put().uri("/api/v1/cities/wf-riga/assessment/draft")
                .bodyValue(draft(version("wf-riga"), FUNDING_TO_AVERAGE)).exchange().expectStatus().isEqualTo(409);

        client.mutateWith(Users.expertWith(REVIEWER)).post().uri("/api/v1/cities/wf-riga/assessment/draft/return")
                .bodyValue(Map.of("version", version("wf-riga"), "note", "Add the funding plan")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RETURNED")
                .jsonPath("$.reviewNotes[-1:].note").isEqualTo(List.of("Add the funding plan"));

        client.mutateWith(editor).put().uri("/api/v1/cities/wf-riga/assessment/draft")
                .bodyValue(draft(version("wf-riga"), FUNDING_TO_AVERAGE)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DRAFT");
        client.mutateWith(editor).post().uri("/api/v1/cities/wf-riga/assessment/draft/submit")
                .bodyValue(Map.of("version", version("wf-riga"))).exchange().expectStatus().isOk();
        client.mutateWith(Users.expertWith(REVIEWER)).post().uri("/api/v1/cities/wf-riga/assessment/draft/validate")
                .bodyValue(Map.of("version", version("wf-riga"))).exchange().expectStatus().isOk();

        // a second round: the first validated one moves to history
        client.mutateWith(editor).put().uri("/api/v1/cities/wf-riga/assessment/draft")
                .bodyValue(draft(null, List.of())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.round").isEqualTo(2);
        client.mutateWith(editor).post().uri("/api/v1/cities/wf-riga/assessment/draft/submit")
                .bodyValue(Map.of("version", version("wf-riga"))).exchange().expectStatus().isOk();
        // a new round needs its reviewer again
        assign("wf-riga");
        client.mutateWith(Users.expertWith(REVIEWER)).post().uri("/api/v1/cities/wf-riga/assessment/draft/validate")
                .bodyValue(Map.of("version", version("wf-riga"))).exchange().expectStatus().isOk();

        client.get().uri("/api/v1/cities/wf-riga/assessment").exchange()
                .expectBody().jsonPath("$.round").isEqualTo(2)
                .jsonPath("$.characteristics[?(@.characteristic == 'FUNDING')].level").isEqualTo(List.of("NOT_YET_ADDRESSED"));
        client.get().uri("/api/v1/cities/wf-riga/assessment/history").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].round").isEqualTo(1)
                .jsonPath("$.items[0].characteristics[?(@.characteristic == 'FUNDING')].level").isEqualTo(List.of("AVERAGE"));
    }

    @Test
    void staleVersionsAndForeignCriteriaAreRefusedWithoutChange() {
        Fixtures.createCity(client, "wf-tallinn", "EE", "EU");
        var editor = Users.editorOf("wf-tallinn");
        client.mutateWith(editor).put().uri("/api/v1/cities/wf-tallinn/assessment/draft")
                .bodyValue(draft(null, FUNDING_TO_AVERAGE)).exchange().expectStatus().isOk();
        long version = version("wf-tallinn");

        client.mutateWith(editor).put().uri("/api/v1/cities/wf-tallinn/assessment/draft")
                .bodyValue(draft(version + 1, List.of())).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:stale-version");

        client.mutateWith(editor).put().uri("/api/v1/cities/wf-tallinn/assessment/draft")
                .bodyValue(draft(version, List.of("STRATEGY.BASIC.1", "FUNDING.BASIC.9"))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("characteristics[0].criteriaMet");

        client.mutateWith(editor).put().uri("/api/v1/cities/wf-tallinn/assessment/draft")
                .bodyValue(Map.of("version", version, "characteristics", List.of(Map.of("characteristic", "FUNDING",
                        "evidence", Map.of("answers", Map.of("FUNDING.Q1", "<script>alert(1)</script>")))))).exchange()
                .expectStatus().isBadRequest();

        client.mutateWith(editor).get().uri("/api/v1/cities/wf-tallinn/assessment/draft").exchange()
                .expectBody().jsonPath("$.version").isEqualTo(version)
                .jsonPath("$.characteristics[?(@.characteristic == 'FUNDING')].level").isEqualTo(List.of("AVERAGE"));
    }

    @Test
    void editorCannotTouchAnotherCitysAssessment() {
        Fixtures.createCity(client, "wf-vilnius", "LT", "EU");

        client.mutateWith(Users.editorOf("wf-riga")).put().uri("/api/v1/cities/wf-vilnius/assessment/draft")
                .bodyValue(draft(null, FUNDING_TO_AVERAGE)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.mutateWith(Users.curator()).get().uri("/api/v1/cities/wf-vilnius/assessment/draft").exchange()
                .expectStatus().isNoContent().expectBody().isEmpty();
    }

    @Test
    void assessmentOfAnUnknownCityIsNotFound() {
        client.get().uri("/api/v1/cities/wf-atlantis/assessment").exchange().expectStatus().isNotFound();
        client.mutateWith(Users.curator()).get().uri("/api/v1/cities/wf-atlantis/assessment/draft").exchange()
                .expectStatus().isNotFound();
        client.mutateWith(Users.curator()).put().uri("/api/v1/cities/wf-atlantis/assessment/draft")
                .bodyValue(draft(null, FUNDING_TO_AVERAGE)).exchange().expectStatus().isNotFound();
    }

    @Test
    void onlyAnApprovedExpertFromElsewhereReviews() {
        Fixtures.createCity(client, "wf-malmo", "SE", "EU");
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts")
                .bodyValue(Map.of("id", "wf-proposed", "name", "Not Yet", "country", "SE", "region", "EU",
                        "languages", List.of("sv"), "expertise", Map.of("characteristics", List.of("FUNDING")),
                        "availability", "AVAILABLE"))
                .exchange().expectStatus().isCreated();
        var editor = Users.editorOf("wf-malmo");
        client.mutateWith(editor).put().uri("/api/v1/cities/wf-malmo/assessment/draft")
                .bodyValue(draft(null, FUNDING_TO_AVERAGE)).exchange().expectStatus().isOk();
        client.mutateWith(editor).post().uri("/api/v1/cities/wf-malmo/assessment/draft/submit")
                .bodyValue(Map.of("version", version("wf-malmo"))).exchange().expectStatus().isOk();
        long version = version("wf-malmo");

        for (var reviewer : List.of(Users.expertWith("wf-proposed"), Users.expertWithoutRecord())) {
            client.mutateWith(reviewer).post().uri("/api/v1/cities/wf-malmo/assessment/draft/validate")
                    .bodyValue(Map.of("version", version)).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        client.get().uri("/api/v1/cities/wf-malmo/assessment").exchange().expectStatus().isNotFound();

        // an approved expert still has to take the review on first
        client.mutateWith(Users.expertWith(REVIEWER)).post().uri("/api/v1/cities/wf-malmo/assessment/draft/validate")
                .bodyValue(Map.of("version", version)).exchange().expectStatus().isForbidden();
        assign("wf-malmo");
        version = version("wf-malmo");
        client.mutateWith(Users.expertWith(REVIEWER)).post().uri("/api/v1/cities/wf-malmo/assessment/draft/validate")
                .bodyValue(Map.of("version", version)).exchange().expectStatus().isOk();
        // nothing is left to validate: a conflict, not a server error
        client.mutateWith(Users.expertWith(REVIEWER)).post().uri("/api/v1/cities/wf-malmo/assessment/draft/validate")
                .bodyValue(Map.of("version", version + 1)).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void nullsInsideListsAreRefusedAsInvalid() {
        Fixtures.createCity(client, "wf-bristol", "GB", "EU");
        client.mutateWith(Users.editorOf("wf-bristol")).put().uri("/api/v1/cities/wf-bristol/assessment/draft")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"characteristics\": [{\"characteristic\": \"FUNDING\", \"criteriaMet\": [\"FUNDING.BASIC.1\", null],"
                        + " \"evidence\": {\"links\": [null]}}]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
