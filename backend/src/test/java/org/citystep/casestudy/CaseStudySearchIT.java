package org.citystep.casestudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citystep.search.ElasticsearchProperties;
import org.citystep.support.KeycloakTokens;
import org.citystep.support.TestIndexes;
import org.junit.jupiter.api.AfterAll;
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
 * Case studies in the real search: before publication only its city and the curators find one; a
 * published one is found by everyone within two seconds in English and Chinese, with its facets
 * and as a suggestion; an archived one disappears again for the public.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"citystep.elasticsearch.index-prefix=citystep-test-casestudies-${random.uuid}",
                "citystep.elasticsearch.catch-up-interval=1s"})
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseStudySearchIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;

    @Autowired
    ElasticsearchAsyncClient elasticsearch;

    @Autowired
    ElasticsearchProperties properties;

    private static String bearer(String user) {
        return "Bearer " + KeycloakTokens.accessToken(user);
    }

    private long version(String id) {
        byte[] body = client.get().uri("/api/v1/case-studies/" + id).header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JsonMapper.builder().build().readTree(body).get("version").asLong();
    }

    private void search(String q, int expectedTotal) {
        searchAs(null, q, expectedTotal);
    }

    private void searchAs(String user, String q, int expectedTotal) {
        var request = client.get().uri("/api/v1/search?type=case-study&q={q}", q);
        if (user != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, bearer(user));
        }
        request.exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(expectedTotal);
    }

    @Test
    void onlyPublishedCaseStudiesAreFound() {
        client.post().uri("/api/v1/cities").header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .bodyValue(Map.of("id", "amsterdam", "name", Map.of("en", "Amsterdam"), "country", "NL", "region", "EU"))
                .exchange().expectStatus().isCreated();
        Map<String, Object> study = new HashMap<>(Map.of(
                "id", "amsterdam-smart-parking", "cityId", "amsterdam",
                "title", Map.of("en", "Smart parking guidance", "zh", "智慧停车诱导系统"),
                "summary", Map.of("en", "Sensors and signs guide drivers to free parking spaces.",
                        "zh", "传感器和诱导屏引导驾驶人找到空闲车位。"),
                "serviceDomains", List.of("TRANSPORTATION"),
                "steps", List.of(Map.of("characteristic", "SERVICES", "fromLevel", "AVERAGE", "toLevel", "MORE_ADVANCED")),
                "stage", "CITY_WIDE",
                "flags", Map.of("scalable", true, "cloud", true, "integratedOffering", false, "openApi", true, "iot", true),
                "funding", Map.of("instruments", List.of("EU_GRANT"), "amount", 2000000, "currency", "EUR")));
        client.post().uri("/api/v1/case-studies").header(HttpHeaders.AUTHORIZATION, bearer("editor.amsterdam"))
                .bodyValue(study).exchange().expectStatus().isCreated();
        client.post().uri("/api/v1/case-studies/amsterdam-smart-parking/submit")
                .header(HttpHeaders.AUTHORIZATION, bearer("editor.amsterdam"))
                .bodyValue(Map.of("version", version("amsterdam-smart-parking"))).exchange().expectStatus().isOk();

        // submitted, not published: its city and the curators find it, nobody else does
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> searchAs("editor.amsterdam", "parking", 1));
        searchAs("curator.demo", "parking", 1);
        searchAs("editor.chengdu", "parking", 0);
        search("parking", 0);
        client.get().uri("/api/v1/search/suggest?q={q}", "Smart park").exchange()
                .expectBody().jsonPath("$.suggestions.length()").isEqualTo(0);

        client.post().uri("/api/v1/case-studies/amsterdam-smart-parking/review")
                .header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .bodyValue(Map.of("version", version("amsterdam-smart-parking"), "decision", "PUBLISH")).exchange()
                .expectStatus().isOk();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> search("parking", 1));
        assertSentStraightToElasticsearchTheSameSearchFindsTheSameHits("parking sensors");
        client.get().uri("/api/v1/search/suggest?q={q}", "Smart park").exchange()
                .expectBody().jsonPath("$.suggestions[0].id").isEqualTo("amsterdam-smart-parking");
        client.get().uri("/api/v1/search?q={q}", "智慧停车").exchange()
                .expectBody()
                .jsonPath("$.hits[0].id").isEqualTo("amsterdam-smart-parking")
                .jsonPath("$.hits[0].type").isEqualTo("case-study")
                .jsonPath("$.facets.serviceDomain[0].key").isEqualTo("TRANSPORTATION")
                .jsonPath("$.facets.step[0].key").isEqualTo("SERVICES:AVERAGE")
                .jsonPath("$.facets.tech[*].key").value(keys -> assertThat(String.valueOf(keys)).contains("IOT", "OPEN_API"));

        // a curator moves the city to another region: its case studies' facets follow without anyone acting
        byte[] city = client.get().uri("/api/v1/cities/amsterdam").exchange().expectBody().returnResult().getResponseBody();
        client.put().uri("/api/v1/cities/amsterdam").header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(new String(city).replace("\"region\":\"EU\"", "\"region\":\"OTHER\"")).exchange()
                .expectStatus().isOk();
        // (through the outbox: recorded before the city's write, expanded by the catch-up after its grace period)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> client.get()
                .uri("/api/v1/search?type=case-study&region=OTHER&q=parking").exchange()
                .expectBody().jsonPath("$.hits[0].id").isEqualTo("amsterdam-smart-parking"));

        client.post().uri("/api/v1/case-studies/amsterdam-smart-parking/review")
                .header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .bodyValue(Map.of("version", version("amsterdam-smart-parking"), "decision", "ARCHIVE",
                        "note", "Replaced by the 2026 system")).exchange()
                .expectStatus().isOk();
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> search("parking", 0));
        searchAs("curator.demo", "parking", 1);
    }

    @AfterAll
    void deleteTestIndexes() {
        TestIndexes.deleteAll(elasticsearch, properties.indexPrefix());
    }

    /**
     * The request an admin reads at {@code /api/v1/admin/search/request}, sent to Elasticsearch
     * as it is, finds what the search API finds; nobody else may read it.
     */
    private void assertSentStraightToElasticsearchTheSameSearchFindsTheSameHits(String q) {
        client.get().uri("/api/v1/admin/search/request?q={q}", q).header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .exchange().expectStatus().isForbidden();
        byte[] answer = client.get().uri("/api/v1/admin/search/request?q={q}", q)
                .header(HttpHeaders.AUTHORIZATION, bearer("admin.demo")).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode request = JSON.readTree(answer);
        assertThat(request.get("path").asString()).startsWith("/" + properties.indexPrefix());
        HttpResponse<String> direct;
        try {
            direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + System.getenv().getOrDefault("ES_PORT", "9200") + request.get("path").asString()))
                            .method(request.get("method").asString(), HttpRequest.BodyPublishers.ofString(request.get("body").toString()))
                            .header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("Elasticsearch did not answer", e);
        }
        assertThat(direct.statusCode()).isEqualTo(200);
        List<String> straight = new ArrayList<>();
        JSON.readTree(direct.body()).get("hits").get("hits").forEach(hit -> straight.add(hit.get("_id").asString()));
        List<String> throughApi = new ArrayList<>();
        JSON.readTree(client.get().uri("/api/v1/search?q={q}", q).exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBody()).get("hits").forEach(hit -> throughApi.add(hit.get("id").asString()));
        assertThat(straight).isNotEmpty().isEqualTo(throughApi);
    }
}
