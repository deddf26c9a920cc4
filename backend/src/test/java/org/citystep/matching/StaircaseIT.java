package org.citystep.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.search.ElasticsearchProperties;
import org.citystep.support.KeycloakTokens;
import org.citystep.support.TestIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staircase on the seeded pilot cities, with real Keycloak tokens and real Elasticsearch: every
 * match of every city and rated characteristic is exactly one level ahead (or level, at the top),
 * the candidates are exactly the cities at that level, and each match explains itself in both
 * languages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"citystep.demo-data.enabled=true",
                "citystep.elasticsearch.index-prefix=citystep-test-staircase-${random.uuid}"})
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaircaseIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;
    @Autowired
    ElasticsearchProperties properties;

    private String curator;

    @BeforeAll
    void demoDataSearchable() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> client.get().uri("/api/v1/experts")
                .exchange().expectBody().jsonPath("$.total").isEqualTo(6));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> client.get()
                .uri("/api/v1/search?type=case-study&size=1").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(45));
        curator = "Bearer " + KeycloakTokens.accessToken("curator.demo");
        // the app's own start-up rebuild of its new indexes runs beside the demo-data load: matches
        // are read once it has ended, from the index search will keep serving
        String admin = "Bearer " + KeycloakTokens.accessToken("admin.demo");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var latest = client.get().uri("/api/v1/admin/reindex/latest").header(HttpHeaders.AUTHORIZATION, admin)
                    .exchange().expectBody(String.class).returnResult();
            return latest.getStatus().value() == 404 || (latest.getStatus().is2xxSuccessful()
                    && !JSON.readTree(latest.getResponseBody()).get("state").asText().equals("RUNNING"));
        });
    }

    @AfterAll
    void deleteTestIndexes() {
        TestIndexes.deleteAll(elasticsearch, properties.indexPrefix());
    }

    private JsonNode get(String uri, String authorization) {
        byte[] body = client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, authorization).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    @Test
    void everyMatchOfEverySeededCityIsExactlyOneStepAheadAndExplainedInBothLanguages() {
        JsonNode cities = get("/api/v1/cities?size=100", curator).get("items");
        assertThat(cities).hasSize(30);
        int checked = 0;
        boolean someProjectAlike = false;
        for (JsonNode city : cities) {
            String id = city.get("id").asText();
            for (Characteristic characteristic : Characteristic.ratedOnes()) {
                MaturityLevel level = MaturityLevel.valueOf(city.get("levels").get(characteristic.name()).asText());
                if (!level.isAssessed()) {
                    continue;
                }
                MaturityLevel target = level.next().orElse(level);
                Set<String> atTarget = new HashSet<>();
                for (JsonNode other : cities) {
                    if (!other.get("id").asText().equals(id)
                            && other.get("levels").get(characteristic.name()).asText().equals(target.name())) {
                        atTarget.add(other.get("id").asText());
                    }
                }
                JsonNode body = get("/api/v1/cities/" + id + "/matches?limit=50&characteristic=" + characteristic, curator);
                assertThat(body.get("targetLevel").asText()).isEqualTo(target.name());
                List<String> matched = new ArrayList<>();
                for (JsonNode match : body.get("matches")) {
                    matched.add(match.get("cityId").asText());
                    assertThat(match.get("level").asText()).as("%s %s %s", id, characteristic, match.get("cityId"))
                            .isEqualTo(target.name());
                    assertThat(match.get("relation").asText())
                            .isEqualTo(target == level ? "SAME_LEVEL" : "ONE_STEP_AHEAD");
                    assertThat(match.get("reasons")).isNotEmpty().allSatisfy(reason -> {
                        assertThat(reason.get("en").asText()).isNotBlank();
                        assertThat(reason.get("zh").asText()).containsPattern("\\p{IsHan}");
                    });
                    someProjectAlike |= match.get("factors").get("projects").asDouble() > 0;
                }
                assertThat(matched).as("%s %s", id, characteristic).containsExactlyInAnyOrderElementsOf(atTarget);
                assertThat(body.get("projectSimilarity").asText()).isIn("AVAILABLE", "NO_OWN_CASE_STUDIES");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(150);
        assertThat(someProjectAlike).as("similar projects found through Elasticsearch").isTrue();
    }

    /**
     * Each suggested cluster's shared topics are exactly what that many members name as interests or
     * cover with published case studies; accepting one and a curator's approval make it active.
     */
    @Test
    void clusterSuggestionsOnTheSeedDataAreExplainedByInterestsAndCanBeAcceptedAndApproved() {
        java.util.Map<String, Set<String>> domainsOf = new java.util.HashMap<>();
        for (JsonNode city : get("/api/v1/cities?size=100", curator).get("items")) {
            Set<String> domains = new HashSet<>();
            city.get("interests").forEach(domain -> domains.add(domain.asText()));
            domainsOf.put(city.get("id").asText(), domains);
        }
        for (JsonNode study : get("/api/v1/case-studies?status=PUBLISHED&size=100", curator).get("items")) {
            study.get("serviceDomains").forEach(domain -> domainsOf.get(study.get("cityId").asText()).add(domain.asText()));
        }
        // the suggestions follow the demo data once its case studies have reached the read model
        JsonNode[] current = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode page = get("/api/v1/clusters/suggestions?size=100", curator);
            assertThat(page.get("cities").asInt()).isEqualTo(30);
            assertExplainedByInterests(page, domainsOf);
            current[0] = page;
        });
        JsonNode page = current[0];

        JsonNode first = page.get("items").get(0).get("suggestion");
        String suggestionId = first.get("id").asText();
        byte[] created = client.post().uri("/api/v1/clusters/suggestions/{id}/accept", suggestionId)
                .header(HttpHeaders.AUTHORIZATION, curator).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        JsonNode cluster = JSON.readTree(created);
        assertThat(cluster.get("status").asText()).isEqualTo("PROPOSED");
        String clusterId = cluster.get("id").asText();
        client.get().uri("/api/v1/clusters/" + clusterId).exchange().expectStatus().isNotFound();
        client.post().uri("/api/v1/clusters/{id}/approve", clusterId).header(HttpHeaders.AUTHORIZATION, curator)
                .bodyValue(java.util.Map.of("version", cluster.get("version").asLong())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        client.get().uri("/api/v1/clusters/" + clusterId).exchange().expectStatus().isOk();
    }

    @Test
    void amsterdamsEditorReadsItsRoadmapAnonymousCallersAndOtherEditorsDoNot() {
        JsonNode roadmap = get("/api/v1/cities/amsterdam/roadmap", "Bearer " + KeycloakTokens.accessToken("editor.amsterdam"));
        assertThat(roadmap.get("steps")).hasSize(8).allSatisfy(step -> {
            assertThat(step.get("matches").size()).isLessThanOrEqualTo(3);
            if (!step.get("assessmentNeeded").asBoolean()) {
                assertThat(step.get("balance").asText()).isIn("BALANCED", "ISOLATED_ADVANCE", "LAGGING");
            }
        });
        client.get().uri("/api/v1/cities/amsterdam/roadmap").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/cities/chengdu/roadmap")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + KeycloakTokens.accessToken("editor.amsterdam"))
                .exchange().expectStatus().isForbidden();
    }

    private static void assertExplainedByInterests(JsonNode page, java.util.Map<String, Set<String>> domainsOf) {
        assertThat(page.get("items")).isNotEmpty();
        Set<String> seen = new HashSet<>();
        for (JsonNode item : page.get("items")) {
            JsonNode suggestion = item.get("suggestion");
            List<String> members = new ArrayList<>();
            suggestion.get("members").forEach(member -> members.add(member.get("cityId").asText()));
            assertThat(members).hasSizeGreaterThanOrEqualTo(3).allMatch(seen::add);
            assertThat(suggestion.get("sharedTopics")).isNotEmpty();
            for (JsonNode topic : suggestion.get("sharedTopics")) {
                if (topic.get("kind").asText().equals("SERVICE_DOMAIN")) {
                    long having = members.stream().filter(m -> domainsOf.get(m).contains(topic.get("code").asText())).count();
                    assertThat(topic.get("cities").asLong()).as("%s among %s, whose domains are %s", topic, members,
                            members.stream().map(m -> m + "=" + domainsOf.get(m)).toList()).isEqualTo(having);
                    assertThat(having * 2).isGreaterThanOrEqualTo(members.size());
                }
            }
            assertThat(suggestion.get("reasons")).isNotEmpty().allSatisfy(reason ->
                    assertThat(reason.get("zh").asText()).containsPattern("\\p{IsHan}"));
            assertThat(suggestion.get("cohesion").asDouble()).isBetween(0.0, 1.0);
        }

    }
}
