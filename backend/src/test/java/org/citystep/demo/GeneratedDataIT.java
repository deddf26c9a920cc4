package org.citystep.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

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
 * The scale-test generator at a small scale (200 cities, 1,000 case studies, 40 experts), indexed
 * in the real Elasticsearch as `bench/run generate` does it: every match on every city's roadmap
 * is exactly one level ahead (or level at State of the Art), in fact as well as in the answer, and
 * every case study shown as evidence climbs exactly that step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "citystep.generate.cities=200", "citystep.generate.case-studies=1000", "citystep.generate.experts=40",
        "citystep.generate.seed=11",
        "citystep.elasticsearch.index-prefix=citystep-test-generated-${random.uuid}"})
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedDataIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    GenerationMarkers markers;
    @Autowired
    WebTestClient client;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;
    @Autowired
    ElasticsearchProperties properties;

    private String curator;

    /** The app generates the set at start-up, as with `bench/run generate`, and marks it done once indexed. */
    @BeforeAll
    void generatedAndIndexed() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Boolean.TRUE.equals(markers.existsById(DataGenerator.MARKER).block()));
        curator = "Bearer " + KeycloakTokens.accessToken("curator.demo");
    }

    @AfterAll
    void deleteTestIndexes() {
        TestIndexes.deleteAll(elasticsearch, properties.indexPrefix());
    }

    /**
     * Reads as a client should: a 503 with Retry-After (this instance or Elasticsearch busy, as on a
     * loaded CI machine) is asked again after the time it names, at most three times.
     */
    private JsonNode get(String uri) {
        for (int attempt = 1; ; attempt++) {
            var result = client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, curator).exchange()
                    .expectBody().returnResult();
            String retryAfter = result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
            if (result.getStatus().value() == 503 && retryAfter != null && attempt < 3) {
                await().pollDelay(Duration.ofSeconds(Long.parseLong(retryAfter))).until(() -> true);
                continue;
            }
            assertThat(result.getStatus().value()).as("GET " + uri + ": " + new String(
                    java.util.Objects.requireNonNullElse(result.getResponseBody(), new byte[0]))).isEqualTo(200);
            return JSON.readTree(result.getResponseBody());
        }
    }

    @Test
    void everyMatchOnEveryRoadmapIsExactlyOneStepAheadAndItsEvidenceClimbsThatStep() {
        Map<String, JsonNode> levelsOf = new HashMap<>();
        for (int page = 0; levelsOf.size() < 200; page++) {
            get("/api/v1/cities?size=100&page=" + page).get("items")
                    .forEach(city -> levelsOf.put(city.get("id").asText(), city.get("levels")));
        }
        int matches = 0;
        int evidence = 0;
        for (var city : levelsOf.entrySet()) {
            JsonNode roadmap = get("/api/v1/cities/" + city.getKey() + "/roadmap");
            for (JsonNode step : roadmap.get("steps")) {
                Characteristic characteristic = Characteristic.valueOf(step.get("characteristic").asText());
                MaturityLevel level = MaturityLevel.valueOf(city.getValue().get(characteristic.name()).asText());
                MaturityLevel target = level.next().orElse(level);
                for (JsonNode match : step.get("matches")) {
                    String peer = match.get("cityId").asText();
                    String what = city.getKey() + " " + characteristic + " " + peer;
                    assertThat(match.get("level").asText()).as(what).isEqualTo(target.name());
                    assertThat(levelsOf.get(peer).get(characteristic.name()).asText()).as(what).isEqualTo(target.name());
                    assertThat(match.get("relation").asText()).as(what)
                            .isEqualTo(target == level ? "SAME_LEVEL" : "ONE_STEP_AHEAD");
                    for (JsonNode study : match.get("caseStudies")) {
                        JsonNode shown = study.get("step");
                        if (shown == null || shown.isNull()) {
                            continue; // listed as the project most like the city's own, not as evidence
                        }
                        assertThat(shown.get("characteristic").asText()).as(what).isEqualTo(characteristic.name());
                        assertThat(shown.get("toLevel").asText()).as(what)
                                .isEqualTo(MaturityLevel.valueOf(shown.get("fromLevel").asText()).next().orElseThrow().name());
                        if (target != level) {
                            assertThat(shown.get("fromLevel").asText()).as(what).isEqualTo(level.name());
                        }
                        evidence++;
                    }
                    matches++;
                }
            }
        }
        assertThat(matches).as("matches checked").isGreaterThan(1_000);
        assertThat(evidence).as("case studies shown as evidence").isGreaterThan(100);
    }
}
