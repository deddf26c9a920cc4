package org.citystep.assessment;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Map;

import org.citystep.audit.AuditRecord;
import org.citystep.support.Fixtures;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

/**
 * The review of a submitted self-assessment: it waits in the queue, a curator assigns an approved
 * expert with matching expertise (or such an expert claims it), and only that expert or an admin
 * validates or returns it. Drafts stay with the city, its reviewer, curators and admins.
 */
@WithoutElasticsearch
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewQueueTest {

    private static final String FUNDER = "rq-funder";
    private static final String OTHER_FUNDER = "rq-funder-two";
    private static final String STRATEGIST = "rq-strategist";

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveMongoTemplate template;

    @BeforeAll
    void experts() {
        // the first request of a fresh test JVM can be slow on a loaded machine
        client = client.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
        Fixtures.approvedExpert(client, FUNDER);
        Fixtures.approvedExpert(client, OTHER_FUNDER);
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts")
                .bodyValue(Map.of("id", STRATEGIST, "name", "Strategist", "country", "NL", "region", "EU",
                        "languages", List.of("en"), "expertise", Map.of("characteristics", List.of("STRATEGY")),
                        "availability", "AVAILABLE"))
                .exchange().expectStatus().isCreated();
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts/{id}/approve", STRATEGIST)
                .bodyValue(Map.of("version", 0)).exchange().expectStatus().isOk();
    }

    /** Creates the city, and saves and submits a draft answering FUNDING as its editor. */
    private void submitted(String city) {
        Fixtures.createCity(client, city, "NL", "EU");
        var editor = Users.editorOf(city);
        client.mutateWith(editor).put().uri("/api/v1/cities/{c}/assessment/draft", city)
                .bodyValue(Map.of("characteristics", List.of(Map.of("characteristic", "FUNDING",
                        "criteriaMet", List.of("FUNDING.BASIC.1", "FUNDING.BASIC.2"),
                        "evidence", Map.of("answers", Map.of("FUNDING.Q1", "City budget.")))))).exchange()
                .expectStatus().isOk();
        client.mutateWith(editor).post().uri("/api/v1/cities/{c}/assessment/draft/submit", city)
                .bodyValue(Map.of("version", version(city))).exchange().expectStatus().isOk();
    }

    private long version(String city) {
        return Fixtures.version(client, "/api/v1/cities/" + city + "/assessment/draft");
    }

    private WebTestClient.ResponseSpec assign(String city, String expertId) {
        return client.mutateWith(Users.curator()).post().uri("/api/v1/cities/{c}/assessment/draft/assign", city)
                .bodyValue(Map.of("version", version(city), "expertId", expertId)).exchange();
    }

    @Test
    void curatorAssignsAndOnlyTheAssignedExpertReadsAndDecides() {
        submitted("rq-utrecht");

        client.mutateWith(Users.curator()).get().uri("/api/v1/reviews?status=SUBMITTED&size=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.cityId == 'rq-utrecht')].characteristics[0]").isEqualTo(List.of("FUNDING"))
                .jsonPath("$.items[?(@.cityId == 'rq-utrecht')].cityName.en").isEqualTo(List.of("City rq-utrecht"))
                .jsonPath("$.items[?(@.cityId == 'rq-utrecht')].version").isEqualTo(List.of((int) version("rq-utrecht")));
        // every expert sees what waits for an expert, without seeing the draft itself
        client.mutateWith(Users.expertWith(OTHER_FUNDER)).get().uri("/api/v1/reviews?size=100").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.cityId == 'rq-utrecht')].status").isEqualTo(List.of("SUBMITTED"));
        client.mutateWith(Users.expertWith(FUNDER)).get().uri("/api/v1/cities/rq-utrecht/assessment/draft").exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assign("rq-utrecht", FUNDER).expectStatus().isOk()
                .expectBody().jsonPath("$.reviewer.expertId").isEqualTo(FUNDER)
                .jsonPath("$.reviewer.name").isEqualTo("Reviewer " + FUNDER);

        // the city's editors see who reviews it
        client.mutateWith(Users.editorOf("rq-utrecht")).get().uri("/api/v1/cities/rq-utrecht/assessment/draft").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.reviewer.name").isEqualTo("Reviewer " + FUNDER);
        // the assigned expert reads it and finds it among its own
        client.mutateWith(Users.expertWith(FUNDER)).get().uri("/api/v1/cities/rq-utrecht/assessment/draft").exchange()
                .expectStatus().isOk();
        client.mutateWith(Users.expertWith(FUNDER)).get().uri("/api/v1/reviews?mine=true&size=100").exchange()
                .expectBody().jsonPath("$.items[*].cityId").isEqualTo(List.of("rq-utrecht"));
        // another expert neither reads it, nor sees it in the queue, nor decides on it
        client.mutateWith(Users.expertWith(OTHER_FUNDER)).get().uri("/api/v1/cities/rq-utrecht/assessment/draft").exchange()
                .expectStatus().isForbidden();
        client.mutateWith(Users.expertWith(OTHER_FUNDER)).get().uri("/api/v1/reviews?size=100").exchange()
                .expectBody().jsonPath("$.items[?(@.cityId == 'rq-utrecht')]").isEmpty();
        long version = version("rq-utrecht");
        client.mutateWith(Users.expertWith(OTHER_FUNDER)).post().uri("/api/v1/cities/rq-utrecht/assessment/draft/validate")
                .bodyValue(Map.of("version", version)).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.mutateWith(Users.expertWith(OTHER_FUNDER)).post().uri("/api/v1/cities/rq-utrecht/assessment/draft/return")
                .bodyValue(Map.of("version", version, "note", "Not mine to say")).exchange()
                .expectStatus().isForbidden();
        client.mutateWith(Users.expertWith(OTHER_FUNDER)).post().uri("/api/v1/cities/rq-utrecht/assessment/draft/claim")
                .bodyValue(Map.of("version", version)).exchange()
                .expectStatus().isEqualTo(409);
        // a curator assigns but does not decide
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities/rq-utrecht/assessment/draft/validate")
                .bodyValue(Map.of("version", version)).exchange().expectStatus().isForbidden();
        client.mutateWith(Users.expertWith(FUNDER)).get().uri("/api/v1/cities/rq-utrecht/assessment/draft").exchange()
                .expectBody().jsonPath("$.status").isEqualTo("SUBMITTED").jsonPath("$.version").isEqualTo(version);

        client.mutateWith(Users.expertWith(FUNDER)).post().uri("/api/v1/cities/rq-utrecht/assessment/draft/return")
                .bodyValue(Map.of("version", version, "note", "Add the funding plan")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RETURNED");
        client.mutateWith(Users.curator()).get().uri("/api/v1/reviews?status=RETURNED&size=100").exchange()
                .expectBody().jsonPath("$.items[?(@.cityId == 'rq-utrecht')].expertId").isEqualTo(List.of(FUNDER));

        // the city edits the returned round and submits it again: it goes back to the same expert
        client.mutateWith(Users.editorOf("rq-utrecht")).put().uri("/api/v1/cities/rq-utrecht/assessment/draft")
                .bodyValue(Map.of("version", version("rq-utrecht"), "characteristics", List.of(Map.of("characteristic", "FUNDING",
                        "criteriaMet", List.of("FUNDING.BASIC.1", "FUNDING.BASIC.2", "FUNDING.AVERAGE.1"),
                        "evidence", Map.of("answers", Map.of("FUNDING.Q1", "City budget and the funding plan.")))))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.reviewer.expertId").isEqualTo(FUNDER);
        client.mutateWith(Users.expertWith(FUNDER)).get().uri("/api/v1/cities/rq-utrecht/assessment/draft").exchange()
                .expectStatus().isOk();
        client.mutateWith(Users.editorOf("rq-utrecht")).post().uri("/api/v1/cities/rq-utrecht/assessment/draft/submit")
                .bodyValue(Map.of("version", version("rq-utrecht"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.reviewer.expertId").isEqualTo(FUNDER);
        client.mutateWith(Users.expertWith(FUNDER)).post().uri("/api/v1/cities/rq-utrecht/assessment/draft/validate")
                .bodyValue(Map.of("version", version("rq-utrecht"), "note", "Checked")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("VALIDATED");
        client.mutateWith(Users.curator()).get().uri("/api/v1/reviews?size=100").exchange()
                .expectBody().jsonPath("$.items[?(@.cityId == 'rq-utrecht')]").isEmpty();

        // each step is in the audit log, with the expert concerned and the note
        StepVerifier.create(template.find(Query.query(where("resourceId").is("rq-utrecht").and("resourceType").is("assessment")), AuditRecord.class)
                        .map(entry -> entry.action() + ":" + entry.details().getOrDefault("expertId", "-") + ":"
                                + (entry.note() == null ? "-" : entry.note()))
                        .collectList())
                .assertNext(actions -> org.assertj.core.api.Assertions.assertThat(actions).containsExactly(
                        "assessment.draftSaved:-:-", "assessment.submitted:-:-", "assessment.assigned:" + FUNDER + ":-",
                        "assessment.returned:" + FUNDER + ":Add the funding plan", "assessment.draftSaved:-:-",
                        "assessment.submitted:" + FUNDER + ":-",
                        "assessment.validated:" + FUNDER + ":Checked"))
                .verifyComplete();
    }

    @Test
    void assignmentRefusesExpertsWhoCannotReviewIt() {
        submitted("rq-delft");
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts")
                .bodyValue(Map.of("id", "rq-proposed", "name", "Not Yet", "country", "NL", "region", "EU",
                        "languages", List.of("en"), "expertise", Map.of("characteristics", List.of("FUNDING")),
                        "availability", "AVAILABLE"))
                .exchange().expectStatus().isCreated();

        for (String unfit : List.of("rq-proposed", STRATEGIST)) {
            assign("rq-delft", unfit).expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assign("rq-delft", "rq-nobody").expectStatus().isNotFound();
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities/rq-delft/assessment/draft/assign")
                .bodyValue(Map.of("version", version("rq-delft"), "expertId", "Not A Slug")).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities/rq-delft/assessment/draft/assign")
                .bodyValue(Map.of("version", version("rq-delft"))).exchange().expectStatus().isBadRequest();
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities/rq-delft/assessment/draft/assign")
                .bodyValue(Map.of("version", version("rq-delft") + 3, "expertId", FUNDER)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:stale-version");
        // editors and experts do not assign; anonymous callers are asked to sign in
        client.mutateWith(Users.editorOf("rq-delft")).post().uri("/api/v1/cities/rq-delft/assessment/draft/assign")
                .bodyValue(Map.of("version", version("rq-delft"), "expertId", FUNDER)).exchange()
                .expectStatus().isForbidden();
        client.mutateWith(Users.expertWith(FUNDER)).post().uri("/api/v1/cities/rq-delft/assessment/draft/assign")
                .bodyValue(Map.of("version", version("rq-delft"), "expertId", FUNDER)).exchange()
                .expectStatus().isForbidden();
        client.post().uri("/api/v1/cities/rq-delft/assessment/draft/assign")
                .bodyValue(Map.of("version", version("rq-delft"), "expertId", FUNDER)).exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/api/v1/reviews").exchange().expectStatus().isUnauthorized();
        client.mutateWith(Users.editorOf("rq-delft")).get().uri("/api/v1/reviews").exchange().expectStatus().isForbidden();

        // nothing changed: still waiting for an expert
        client.mutateWith(Users.curator()).get().uri("/api/v1/cities/rq-delft/assessment/draft").exchange()
                .expectBody().jsonPath("$.reviewer").doesNotExist().jsonPath("$.status").isEqualTo("SUBMITTED");
    }

    @Test
    void aRetiredExpertIsNoLongerAssignedNorDecides() {
        submitted("rq-leiden");
        Fixtures.approvedExpert(client, "rq-leaving");
        assign("rq-leiden", "rq-leaving").expectStatus().isOk();
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts/rq-leaving/retire")
                .bodyValue(Map.of("version", Fixtures.version(client, "/api/v1/experts/rq-leaving"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RETIRED");

        client.mutateWith(Users.expertWith("rq-leaving")).post().uri("/api/v1/cities/rq-leiden/assessment/draft/validate")
                .bodyValue(Map.of("version", version("rq-leiden"))).exchange().expectStatus().isForbidden();
        assign("rq-leiden", "rq-leaving").expectStatus().isEqualTo(409);
        // the curator moves it to another expert
        assign("rq-leiden", FUNDER).expectStatus().isOk();
        client.mutateWith(Users.expertWith(FUNDER)).post().uri("/api/v1/cities/rq-leiden/assessment/draft/validate")
                .bodyValue(Map.of("version", version("rq-leiden"))).exchange().expectStatus().isOk();
    }

    @Test
    void anExpertWithMatchingExpertiseClaimsAndAnAdminMayDecideAlone() {
        submitted("rq-zwolle");
        client.mutateWith(Users.expertWith(STRATEGIST)).post().uri("/api/v1/cities/rq-zwolle/assessment/draft/claim")
                .bodyValue(Map.of("version", version("rq-zwolle"))).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.mutateWith(Users.expertWithoutRecord()).post().uri("/api/v1/cities/rq-zwolle/assessment/draft/claim")
                .bodyValue(Map.of("version", version("rq-zwolle"))).exchange().expectStatus().isForbidden();
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities/rq-zwolle/assessment/draft/claim")
                .bodyValue(Map.of("version", version("rq-zwolle"))).exchange().expectStatus().isForbidden();

        client.mutateWith(Users.expertWith(OTHER_FUNDER)).post().uri("/api/v1/cities/rq-zwolle/assessment/draft/claim")
                .bodyValue(Map.of("version", version("rq-zwolle"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.reviewer.expertId").isEqualTo(OTHER_FUNDER);
        client.mutateWith(Users.expertWith(FUNDER)).post().uri("/api/v1/cities/rq-zwolle/assessment/draft/claim")
                .bodyValue(Map.of("version", version("rq-zwolle"))).exchange().expectStatus().isEqualTo(409);

        client.mutateWith(Users.admin()).post().uri("/api/v1/cities/rq-zwolle/assessment/draft/return")
                .bodyValue(Map.of("version", version("rq-zwolle"), "note", "Admin: add evidence")).exchange()
                .expectStatus().isOk();
        // returning needs a note
        client.mutateWith(Users.editorOf("rq-zwolle")).post().uri("/api/v1/cities/rq-zwolle/assessment/draft/submit")
                .bodyValue(Map.of("version", version("rq-zwolle"))).exchange().expectStatus().isOk();
        client.mutateWith(Users.expertWith(OTHER_FUNDER)).post().uri("/api/v1/cities/rq-zwolle/assessment/draft/return")
                .bodyValue(Map.of("version", version("rq-zwolle"), "note", " ")).exchange()
                .expectStatus().isBadRequest();
        client.mutateWith(Users.admin()).post().uri("/api/v1/cities/rq-zwolle/assessment/draft/validate")
                .bodyValue(Map.of("version", version("rq-zwolle"))).exchange().expectStatus().isOk();
    }

    @Test
    void anEditorOfAnotherCityNeitherReadsNorDecides() {
        submitted("rq-gouda");
        assign("rq-gouda", FUNDER).expectStatus().isOk();
        var stranger = Users.editorOf("rq-elsewhere");
        client.mutateWith(stranger).get().uri("/api/v1/cities/rq-gouda/assessment/draft").exchange()
                .expectStatus().isForbidden();
        client.mutateWith(stranger).post().uri("/api/v1/cities/rq-gouda/assessment/draft/validate")
                .bodyValue(Map.of("version", version("rq-gouda"))).exchange().expectStatus().isForbidden();
        client.mutateWith(Users.editorOf("rq-gouda")).post().uri("/api/v1/cities/rq-gouda/assessment/draft/validate")
                .bodyValue(Map.of("version", version("rq-gouda"))).exchange().expectStatus().isForbidden();
    }
}
