package org.citystep.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.List;
import java.util.Map;

import org.citystep.assessment.AssessmentService;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceDataService;
import org.citystep.support.Staircase;
import org.citystep.support.Users;
import org.citystep.support.TestIndexes;
import org.citystep.search.ElasticsearchProperties;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Matching and the roadmap through the HTTP API on cities built here, found through the real
 * Elasticsearch read model: the one-step rule, ranking end to end, explanations in both languages,
 * experts, and who may read.
 */
@SpringBootTest(properties = {"citystep.demo-data.enabled=false",
                "citystep.elasticsearch.index-prefix=citystep-test-matching-${random.uuid}"})
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingApiIT {

    private static final MaturityLevel NONE = MaturityLevel.NOT_YET_ADDRESSED;
    private static final MaturityLevel BASIC = MaturityLevel.BASIC;
    private static final MaturityLevel AVERAGE = MaturityLevel.AVERAGE;
    private static final MaturityLevel ADVANCED = MaturityLevel.MORE_ADVANCED;
    private static final MaturityLevel TOP = MaturityLevel.STATE_OF_THE_ART;
    private static final List<String> LIKE_HOME = List.of("TRANSPORTATION", "ENERGY_UTILITIES");

    @Autowired
    WebTestClient client;
    @Autowired
    AssessmentService assessments;
    @Autowired
    ReferenceDataService reference;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;
    @Autowired
    ElasticsearchProperties properties;

    @AfterAll
    void deleteTestIndexes() {
        TestIndexes.deleteAll(elasticsearch, properties.indexPrefix());
    }

    private void city(String id, Map<String, Object> profile, Map<Characteristic, MaturityLevel> levels) {
        Staircase.createCity(client, profile);
        if (!levels.isEmpty()) {
            Staircase.assess(assessments, reference, id, levels);
        }
    }

    private static Map<String, Object> dutch(String id) {
        return Staircase.city(id, "NL", "EU", 800_000, "MUNICIPALITY", LIKE_HOME, List.of("en", "nl"));
    }

    @BeforeAll
    void cities() {
        city("mt-home", dutch("mt-home"), Staircase.levels(BASIC, Map.of(Characteristic.ICT_INFRASTRUCTURE, TOP)));
        city("mt-twin", dutch("mt-twin"), Staircase.levels(BASIC, Map.of(Characteristic.FUNDING, AVERAGE)));
        city("mt-evidence", dutch("mt-evidence"), Staircase.levels(BASIC, Map.of(Characteristic.FUNDING, AVERAGE)));
        city("mt-unlike", Staircase.city("mt-unlike", "CN", "CHINA", 14_000_000, "NEW_AREA", List.of("HEALTH"),
                List.of("zh")), Staircase.levels(ADVANCED, Map.of(Characteristic.FUNDING, AVERAGE)));
        city("mt-leaper", dutch("mt-leaper"), Staircase.levels(BASIC, Map.of(Characteristic.FUNDING, ADVANCED)));
        city("mt-same", dutch("mt-same"), Staircase.levels(BASIC, Map.of()));
        city("mt-top", dutch("mt-top"), Staircase.levels(AVERAGE, Map.of(Characteristic.ICT_INFRASTRUCTURE, TOP,
                Characteristic.FUNDING, TOP)));
        city("mt-lopsided", dutch("mt-lopsided"), Staircase.levels(AVERAGE, Map.of(Characteristic.ICT_INFRASTRUCTURE,
                TOP, Characteristic.SERVICES, NONE, Characteristic.FUNDING, ADVANCED)));
        city("mt-partial", dutch("mt-partial"), Map.of(Characteristic.STRATEGY, AVERAGE));
        city("mt-unassessed", dutch("mt-unassessed"), Map.of());
        Staircase.publishCaseStudy(client, "mt-evidence-fund", "mt-evidence",
                Map.of("en", "Revolving fund for street lighting", "zh", "路灯改造循环基金"), Characteristic.FUNDING,
                BASIC, AVERAGE, true);
        Staircase.publishCaseStudy(client, "mt-lopsided-grid", "mt-lopsided",
                Map.of("en", "Smart grid pilot"), Characteristic.FUNDING, AVERAGE, ADVANCED, false);
        Staircase.approvedExpert(client, "mt-expert-en", "NL", "EU", Characteristic.FUNDING, List.of("en"));
        Staircase.approvedExpert(client, "mt-expert-zh", "CN", "CHINA", Characteristic.FUNDING, List.of("zh-CN"));
        // every write above was indexed as it was answered (or is caught up within seconds); make it searchable
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            TestIndexes.refresh(elasticsearch, properties.indexPrefix());
            client.get().uri("/api/v1/search?type=city&size=1").exchange().expectBody().jsonPath("$.total").isEqualTo(10);
            client.get().uri("/api/v1/search?type=case-study&size=1").exchange().expectBody().jsonPath("$.total")
                    .isEqualTo(2);
            client.get().uri("/api/v1/search?type=expert&size=1").exchange().expectBody().jsonPath("$.total")
                    .isEqualTo(2);
            assertThat(ids(list(get(Users.curator(), "/api/v1/cities/mt-home/matches?characteristic=FUNDING&limit=50")
                    .get("matches")))).contains("mt-twin", "mt-evidence", "mt-unlike");
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(JwtMutator user, String uri) {
        return client.mutateWith(user).get().uri(uri).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static List<String> ids(List<Map<String, Object>> matches) {
        return matches.stream().map(m -> (String) m.get("cityId")).filter(id -> id.startsWith("mt-")).toList();
    }

    @Test
    void onlyCitiesExactlyOneLevelAheadAreMatched() {
        Map<String, Object> body = get(Users.editorOf("mt-home"),
                "/api/v1/cities/mt-home/matches?characteristic=FUNDING&limit=50");
        assertThat(body).containsEntry("level", "BASIC").containsEntry("targetLevel", "AVERAGE")
                .containsEntry("sameLevel", false);
        List<Map<String, Object>> matches = list(body.get("matches"));
        assertThat(matches).isNotEmpty().allSatisfy(match -> {
            assertThat(match).containsEntry("level", "AVERAGE").containsEntry("relation", "ONE_STEP_AHEAD");
        });
        assertThat(ids(matches)).contains("mt-twin", "mt-evidence", "mt-unlike")
                .doesNotContain("mt-home", "mt-leaper", "mt-same", "mt-top", "mt-lopsided");
    }

    @Test
    void alikePeersWithEvidenceRankFirstAndEveryMatchExplainsItselfInBothLanguages() {
        Map<String, Object> body = get(Users.curator(), "/api/v1/cities/mt-home/matches?characteristic=FUNDING&limit=50");
        List<Map<String, Object>> matches = list(body.get("matches"));
        assertThat(ids(matches)).containsSubsequence("mt-evidence", "mt-twin", "mt-unlike");

        Map<String, Object> evidence = matches.stream().filter(m -> m.get("cityId").equals("mt-evidence")).findFirst()
                .orElseThrow();
        Map<String, Object> study = list(evidence.get("caseStudies")).get(0);
        assertThat(study).containsEntry("id", "mt-evidence-fund").containsEntry("bestPractice", true);
        assertThat((Map<String, Object>) study.get("step")).containsEntry("fromLevel", "BASIC")
                .containsEntry("toLevel", "AVERAGE");
        assertThat(list(evidence.get("reasons"))).extracting(r -> (String) r.get("en"))
                .anyMatch(en -> en.contains("1 published case study shows the step from Basic")
                        && en.contains("best practice"));

        Map<String, Object> unlike = matches.stream().filter(m -> m.get("cityId").equals("mt-unlike")).findFirst()
                .orElseThrow();
        assertThat(list(unlike.get("reasons"))).extracting(r -> (String) r.get("en"))
                .anyMatch(en -> en.startsWith("Two or more levels ahead of you in "));

        assertThat(matches).allSatisfy(match -> assertThat(list(match.get("reasons"))).isNotEmpty()
                .allSatisfy(reason -> {
                    assertThat((String) reason.get("en")).isNotBlank().doesNotContainPattern("\\p{IsHan}");
                    assertThat((String) reason.get("zh")).containsPattern("\\p{IsHan}");
                }));
        assertThat(body).containsEntry("projectSimilarity", "NO_OWN_CASE_STUDIES");
        Map<String, Object> twin = matches.stream().filter(m -> m.get("cityId").equals("mt-twin")).findFirst()
                .orElseThrow();
        assertThat(list(twin.get("reasons"))).extracting(r -> (String) r.get("zh"))
                .contains("同样位于荷兰。", "行政级别相同：均为市。");
    }

    @Test
    void projectLikenessIsMeasuredAgainstTheCitysOwnCaseStudies() {
        Map<String, Object> body = get(Users.curator(), "/api/v1/cities/mt-lopsided/matches?characteristic=FUNDING");
        assertThat(body).containsEntry("projectSimilarity", "AVAILABLE");
    }

    @Test
    void onlyCaseStudiesOfTheVeryStepAreListedAsEvidence() {
        Map<String, Object> body = get(Users.curator(), "/api/v1/cities/mt-home/matches?characteristic=FUNDING&limit=50");
        assertThat(list(body.get("matches"))).allSatisfy(match -> assertThat(list(match.get("caseStudies")))
                .allSatisfy(study -> assertThat((Map<String, Object>) study.get("step"))
                        .containsEntry("characteristic", "FUNDING").containsEntry("fromLevel", "BASIC")
                        .containsEntry("toLevel", "AVERAGE")));
    }

    @Test
    void expertsOfTheCharacteristicWhoShareALanguageAreSuggested() {
        Map<String, Object> body = get(Users.curator(), "/api/v1/cities/mt-home/matches?characteristic=FUNDING");
        assertThat(list(body.get("experts"))).extracting(e -> (String) e.get("id"))
                .contains("mt-expert-en").doesNotContain("mt-expert-zh");
        Map<String, Object> chinese = get(Users.curator(), "/api/v1/cities/mt-unlike/matches?characteristic=FUNDING");
        assertThat(list(chinese.get("experts"))).extracting(e -> (String) e.get("id"))
                .contains("mt-expert-zh").doesNotContain("mt-expert-en");
    }

    @Test
    void aStateOfTheArtCityIsMatchedWithPeersAtTheSameLevel() {
        Map<String, Object> body = get(Users.editorOf("mt-home"),
                "/api/v1/cities/mt-home/matches?characteristic=ICT_INFRASTRUCTURE&limit=50");
        assertThat(body).containsEntry("targetLevel", "STATE_OF_THE_ART").containsEntry("sameLevel", true);
        List<Map<String, Object>> matches = list(body.get("matches"));
        assertThat(ids(matches)).contains("mt-top", "mt-lopsided");
        assertThat(matches).allSatisfy(match -> assertThat(match).containsEntry("level", "STATE_OF_THE_ART")
                .containsEntry("relation", "SAME_LEVEL"));
    }

    @Test
    void aCharacteristicWithoutAValidatedLevelNeedsAnAssessment() {
        for (String uri : List.of("/api/v1/cities/mt-partial/matches?characteristic=FUNDING",
                "/api/v1/cities/mt-unassessed/matches?characteristic=STRATEGY")) {
            client.mutateWith(Users.curator()).get().uri(uri).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType("application/problem+json")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:citystep:problem:assessment-needed")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("self-assessment"));
        }
    }

    @Test
    void badParametersAreRefusedWithProblems() {
        for (String query : List.of("characteristic=FUNDING&limit=0", "characteristic=FUNDING&limit=51",
                "characteristic=NOPE", "", "characteristic=LEGAL_REGULATORY", "characteristic=FUNDING&limit=ten")) {
            client.mutateWith(Users.curator()).get().uri("/api/v1/cities/mt-home/matches?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType("application/problem+json");
        }
        client.mutateWith(Users.curator()).get().uri("/api/v1/cities/{id}/matches?characteristic=FUNDING", "{\"$gt\":\"\"}")
                .exchange().expectStatus().isBadRequest();
        client.mutateWith(Users.curator()).get().uri("/api/v1/cities/nowhere/matches?characteristic=FUNDING").exchange()
                .expectStatus().isNotFound();
        client.mutateWith(Users.curator()).get().uri("/api/v1/cities/nowhere/roadmap").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void roadmapIsForTheCitysEditorsExpertsCuratorsAndAdmins() {
        String roadmap = "/api/v1/cities/mt-home/roadmap";
        client.get().uri(roadmap).exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/cities/mt-home/matches?characteristic=FUNDING").exchange()
                .expectStatus().isUnauthorized();
        client.mutateWith(Users.editorOf("mt-twin")).get().uri(roadmap).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:citystep:problem:forbidden");
        client.mutateWith(Users.editorOf("mt-twin")).get().uri("/api/v1/cities/mt-home/matches?characteristic=FUNDING")
                .exchange().expectStatus().isForbidden();
        client.mutateWith(Users.editorWithoutCity()).get().uri(roadmap).exchange().expectStatus().isForbidden();
        for (JwtMutator reader : List.of(Users.editorOf("mt-home"), Users.expert(), Users.curator(), Users.admin())) {
            client.mutateWith(reader).get().uri(roadmap).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.cityId").isEqualTo("mt-home");
        }
    }

    @Test
    void roadmapShowsMissingCriteriaBalanceAndTopPeersPerCharacteristic() {
        Map<String, Object> body = get(Users.editorOf("mt-lopsided"), "/api/v1/cities/mt-lopsided/roadmap");
        assertThat(body).containsEntry("median", 2.0);
        Map<String, Map<String, Object>> steps = new java.util.HashMap<>();
        list(body.get("steps")).forEach(step -> steps.put((String) step.get("characteristic"), step));
        assertThat(steps).hasSize(Characteristic.ratedOnes().size());

        assertThat(steps.get("ICT_INFRASTRUCTURE")).containsEntry("balance", "ISOLATED_ADVANCE")
                .doesNotContainKey("nextLevel");
        assertThat(list(steps.get("ICT_INFRASTRUCTURE").get("missingCriteria"))).isEmpty();
        assertThat(steps.get("SERVICES")).containsEntry("balance", "LAGGING").containsEntry("nextLevel", "BASIC");
        assertThat(steps.get("FUNDING")).containsEntry("balance", "BALANCED")
                .containsEntry("nextLevel", "STATE_OF_THE_ART");
        List<String> expected = reference.criteria(Characteristic.FUNDING, TOP).stream().map(c -> c.code()).toList();
        assertThat(list(steps.get("FUNDING").get("missingCriteria"))).extracting(c -> (String) c.get("code"))
                .containsExactlyElementsOf(expected);
        assertThat(list(steps.get("FUNDING").get("missingCriteria"))).allSatisfy(criterion ->
                assertThat((Map<String, Object>) criterion.get("text")).containsKeys("en", "zh"));
        assertThat(ids(list(steps.get("FUNDING").get("matches")))).contains("mt-top");
        steps.values().forEach(step -> assertThat(list(step.get("matches"))).hasSizeLessThanOrEqualTo(3));
        assertThat(list(steps.get("STRATEGY").get("matches"))).isNotEmpty().allSatisfy(match ->
                assertThat(match).containsEntry("level", "MORE_ADVANCED"));
    }

    @Test
    void roadmapMarksCharacteristicsThatNeedAnAssessment() {
        Map<String, Object> body = get(Users.editorOf("mt-partial"), "/api/v1/cities/mt-partial/roadmap");
        List<Map<String, Object>> steps = list(body.get("steps"));
        assertThat(steps).filteredOn(step -> step.get("characteristic").equals("STRATEGY")).singleElement()
                .satisfies(step -> assertThat(step).containsEntry("assessmentNeeded", false)
                        .containsEntry("level", "AVERAGE").containsEntry("balance", "BALANCED"));
        assertThat(steps).filteredOn(step -> !step.get("characteristic").equals("STRATEGY")).hasSize(7)
                .allSatisfy(step -> assertThat(step).containsEntry("assessmentNeeded", true)
                        .containsEntry("level", "NOT_ASSESSED").doesNotContainKey("balance"));
    }
}
