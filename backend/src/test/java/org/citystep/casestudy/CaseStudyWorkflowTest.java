package org.citystep.casestudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.citystep.support.Fixtures;
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
 * A city's editors draft and submit; curators request changes, publish, reject, archive, mark best
 * practice and re-verify; only published case studies reach the public; every step is audited.
 */
@WithoutElasticsearch
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseStudyWorkflowTest {

    @Autowired
    WebTestClient client;

    @Autowired
    CaseStudyService service;

    @BeforeAll
    void cities() {
        Fixtures.createCity(client, "cs-home", "ES", "EU");
        Fixtures.createCity(client, "cs-away", "CN", "CHINA");
    }

    private static Map<String, Object> caseStudy(String id, String city, String fromLevel, String toLevel) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("cityId", city);
        body.put("title", Map.of("en", "Bike sharing for commuters", "zh", "通勤公共自行车"));
        body.put("summary", Map.of("en", "Docked bikes at metro stations."));
        body.put("body", Map.of("en", "<p>Stations <strong>near metro</strong>.</p><script>alert(1)</script>"
                + "<a href=\"javascript:alert(2)\">x</a><a href=\"https://bikes.example/plan\">plan</a>"));
        body.put("serviceDomains", List.of("TRANSPORTATION"));
        body.put("steps", List.of(Map.of("characteristic", "SERVICES", "fromLevel", fromLevel, "toLevel", toLevel)));
        body.put("stage", "SCALING");
        body.put("flags", Map.of("scalable", true, "cloud", false, "integratedOffering", false, "openApi", true, "iot", true));
        body.put("benefits", List.of(Map.of("description", Map.of("en", "Car trips replaced per day"), "baseline", 0,
                "result", 12000, "unit", "trips", "year", 2013)));
        body.put("funding", Map.of("instruments", List.of("MUNICIPAL_BUDGET"), "amount", 2500000, "currency", "EUR",
                "publicSharePercent", 70));
        return body;
    }

    private long version(String id) {
        return Fixtures.version(client, "/api/v1/case-studies/" + id);
    }

    @Test
    void draftSubmitRequestChangesPublish() {
        var editor = Users.editorOf("cs-home");
        client.mutateWith(editor).post().uri("/api/v1/case-studies")
                .bodyValue(caseStudy("cs-bikes", "cs-home", "AVERAGE", "MORE_ADVANCED")).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DRAFT")
                .jsonPath("$.licence").isEqualTo("CC-BY-4.0")
                .jsonPath("$.body.en").value(html -> assertThat((String) html)
                        .contains("<strong>near metro</strong>")
                        .contains("href=\"https://bikes.example/plan\"").contains("rel=\"nofollow noopener\"")
                        .doesNotContain("<script").doesNotContain("javascript:"));

        // drafts stay with their city and the curators
        client.get().uri("/api/v1/case-studies/cs-bikes").exchange().expectStatus().isNotFound();
        client.mutateWith(Users.editorOf("cs-away")).get().uri("/api/v1/case-studies/cs-bikes").exchange()
                .expectStatus().isNotFound();
        client.get().uri("/api/v1/case-studies?cityId=cs-home").exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        client.mutateWith(editor).get().uri("/api/v1/case-studies?cityId=cs-home").exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1);

        client.mutateWith(editor).post().uri("/api/v1/case-studies/cs-bikes/submit")
                .bodyValue(Map.of("version", version("cs-bikes"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
        client.mutateWith(Users.curator()).get().uri("/api/v1/case-studies?status=SUBMITTED&cityId=cs-home").exchange()
                .expectBody().jsonPath("$.items[0].id").isEqualTo("cs-bikes");

        // the city cannot publish its own case study; a curator must say what to change
        client.mutateWith(editor).post().uri("/api/v1/case-studies/cs-bikes/review")
                .bodyValue(Map.of("version", version("cs-bikes"), "decision", "PUBLISH")).exchange()
                .expectStatus().isForbidden();
        client.mutateWith(Users.curator()).post().uri("/api/v1/case-studies/cs-bikes/review")
                .bodyValue(Map.of("version", version("cs-bikes"), "decision", "REQUEST_CHANGES")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
        client.mutateWith(Users.curator()).post().uri("/api/v1/case-studies/cs-bikes/review")
                .bodyValue(Map.of("version", version("cs-bikes"), "decision", "REQUEST_CHANGES",
                        "note", "Add the number of stations")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CHANGES_REQUESTED");

        // what GET answers goes back as PUT, changed
        byte[] read = client.mutateWith(editor).get().uri("/api/v1/case-studies/cs-bikes").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        String changed = new String(read).replace("Docked bikes at metro stations.", "120 docked stations at metro exits.");
        client.mutateWith(editor).put().uri("/api/v1/case-studies/cs-bikes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(changed).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.summary.en").isEqualTo("120 docked stations at metro exits.");

        client.mutateWith(editor).post().uri("/api/v1/case-studies/cs-bikes/submit")
                .bodyValue(Map.of("version", version("cs-bikes"))).exchange().expectStatus().isOk();
        client.mutateWith(Users.curator()).post().uri("/api/v1/case-studies/cs-bikes/review")
                .bodyValue(Map.of("version", version("cs-bikes"), "decision", "PUBLISH")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PUBLISHED").jsonPath("$.lastVerified").isNotEmpty()
                .jsonPath("$.dueForReverification").isEqualTo(false);

        client.get().uri("/api/v1/case-studies/cs-bikes").exchange().expectStatus().isOk();
        client.get().uri("/api/v1/case-studies?serviceDomain=TRANSPORTATION&cityId=cs-home").exchange()
                .expectBody().jsonPath("$.items[0].id").isEqualTo("cs-bikes");

        // published content is no longer edited in place
        client.mutateWith(editor).put().uri("/api/v1/case-studies/cs-bikes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(changed.replaceAll("\"version\":\\d+", "\"version\":" + version("cs-bikes"))).exchange()
                .expectStatus().isEqualTo(409);

        client.mutateWith(Users.curator()).post().uri("/api/v1/case-studies/cs-bikes/best-practice")
                .bodyValue(Map.of("version", version("cs-bikes"), "bestPractice", true, "awards", List.of("Demo award")))
                .exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.bestPractice").isEqualTo(true);

        client.mutateWith(Users.curator()).get().uri("/api/v1/case-studies/cs-bikes/audit").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].to").isEqualTo(List.of("DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "SUBMITTED", "PUBLISHED",
                        "PUBLISHED"))
                .jsonPath("$[2].note").isEqualTo("Add the number of stations")
                .jsonPath("$[2].by").isEqualTo("curator.demo");
        client.mutateWith(Users.editorOf("cs-away")).get().uri("/api/v1/case-studies/cs-bikes/audit").exchange()
                .expectStatus().isNotFound();
        client.get().uri("/api/v1/case-studies/cs-bikes/audit").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void illegalTransitionsAreConflictsAndRejectionNeedsAReason() {
        client.mutateWith(Users.editorOf("cs-home")).post().uri("/api/v1/case-studies")
                .bodyValue(caseStudy("cs-lights", "cs-home", "BASIC", "AVERAGE")).exchange().expectStatus().isCreated();

        client.mutateWith(Users.curator()).post().uri("/api/v1/case-studies/cs-lights/review")
                .bodyValue(Map.of("version", version("cs-lights"), "decision", "ARCHIVE")).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.mutateWith(Users.curator()).post().uri("/api/v1/case-studies/cs-lights/best-practice")
                .bodyValue(Map.of("version", version("cs-lights"), "bestPractice", true)).exchange()
                .expectStatus().isEqualTo(409);

        client.mutateWith(Users.editorOf("cs-home")).post().uri("/api/v1/case-studies/cs-lights/submit")
                .bodyValue(Map.of("version", version("cs-lights"))).exchange().expectStatus().isOk();
        client.mutateWith(Users.curator()).post().uri("/api/v1/case-studies/cs-lights/review")
                .bodyValue(Map.of("version", version("cs-lights"), "decision", "REJECT", "note", "Out of scope")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REJECTED");
        client.mutateWith(Users.editorOf("cs-home")).post().uri("/api/v1/case-studies/cs-lights/submit")
                .bodyValue(Map.of("version", version("cs-lights"))).exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void editorsWriteOnlyTheirOwnCitysCaseStudies() {
        client.mutateWith(Users.editorOf("cs-home")).post().uri("/api/v1/case-studies")
                .bodyValue(caseStudy("cs-foreign", "cs-away", "BASIC", "AVERAGE")).exchange()
                .expectStatus().isForbidden();
        client.mutateWith(Users.curator()).post().uri("/api/v1/case-studies")
                .bodyValue(caseStudy("cs-away-water", "cs-away", "BASIC", "AVERAGE")).exchange()
                .expectStatus().isCreated();
        client.mutateWith(Users.editorOf("cs-home")).post().uri("/api/v1/case-studies/cs-away-water/submit")
                .bodyValue(Map.of("version", 0)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aStepClimbsExactlyOneLevelAndCodesComeFromTheReferenceData() {
        Map<String, Object> leap = caseStudy("cs-leap", "cs-home", "BASIC", "MORE_ADVANCED");
        leap.put("funding", Map.of("instruments", List.of("MAGIC_MONEY")));
        leap.put("technologies", List.of("TELEPATHY"));
        client.mutateWith(Users.editorOf("cs-home")).post().uri("/api/v1/case-studies").bodyValue(leap).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'steps[0].toLevel')]").exists()
                .jsonPath("$.errors[?(@.field == 'funding.instruments')]").exists()
                .jsonPath("$.errors[?(@.field == 'technologies')]").exists();
        client.mutateWith(Users.curator()).get().uri("/api/v1/case-studies/cs-leap").exchange().expectStatus().isNotFound();
    }

    @Test
    void oldVerificationsAreDueAndCuratorsRenewThem() {
        CaseStudyContent content = new CaseStudyContent(Map.of("en", "Flood sensors"), Map.of("en", "River levels."),
                Map.of(), Set.of(ServiceDomain.PREVENTION),
                List.of(new CaseStudyContent.Step(Characteristic.ICT_INFRASTRUCTURE, MaturityLevel.BASIC,
                        MaturityLevel.AVERAGE)),
                CaseStudyContent.Stage.PILOT, null, null, new CaseStudyContent.Flags(false, false, false, false, true),
                null, null, null, null, null, null, null, null, null, null);
        StepVerifier.create(service.createDemo("cs-old", "cs-home", content, CaseStudyStatus.PUBLISHED, false, List.of(),
                LocalDate.of(2020, 1, 1))).expectNextCount(1).verifyComplete();

        client.mutateWith(Users.curator()).get().uri("/api/v1/case-studies?dueForReverification=true&cityId=cs-home")
                .exchange()
                .expectBody().jsonPath("$.items[*].id").isEqualTo(List.of("cs-old"))
                .jsonPath("$.items[0].dueForReverification").isEqualTo(true);

        client.mutateWith(Users.curator()).post().uri("/api/v1/case-studies/cs-old/verify")
                .bodyValue(Map.of("version", version("cs-old"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.dueForReverification").isEqualTo(false);
        client.mutateWith(Users.curator()).get().uri("/api/v1/case-studies?dueForReverification=true&cityId=cs-home")
                .exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }
}
