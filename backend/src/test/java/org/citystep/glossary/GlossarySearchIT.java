package org.citystep.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.citystep.search.ElasticsearchProperties;
import org.citystep.support.KeycloakTokens;
import org.citystep.support.TestIndexes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Searching across English and Chinese through the glossary, on the demo data in the real
 * Elasticsearch: a query in either language finds content written only in the other and says which
 * term carried it, own-language hits first; a glossary change counts from the next search on, on
 * this instance at once and on others through the revision they poll.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "citystep.demo-data.enabled=true", "citystep.glossary.refresh-interval=1s",
        "citystep.elasticsearch.index-prefix=citystep-test-glossary-${random.uuid}"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlossarySearchIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;
    @Autowired
    ElasticsearchProperties properties;
    @Autowired
    ReactiveMongoTemplate mongo;

    WebTestClient client;

    @BeforeAll
    void demoCaseStudiesSearchable() {
        client = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create().keepAlive(false)))
                .baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(hits("", null)).isNotEmpty());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(ids(hits("停车", null))).contains("ningbo-gonggong-tingche-youdao"));
    }

    @AfterAll
    void deleteTestIndexes() {
        TestIndexes.deleteAll(elasticsearch, properties.indexPrefix());
    }

    private static String bearer(String user) {
        return "Bearer " + KeycloakTokens.accessToken(user);
    }

    private List<JsonNode> hits(String q, String step) {
        String uri = "/api/v1/search?type=case-study&size=20&q={q}" + (step == null ? "" : "&step=" + step);
        byte[] body = client.get().uri(uri, q).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        List<JsonNode> hits = new ArrayList<>();
        JSON.readTree(body).get("hits").forEach(hits::add);
        return hits;
    }

    private static List<String> ids(List<JsonNode> hits) {
        return hits.stream().map(hit -> hit.get("id").asText()).toList();
    }

    private static JsonNode hit(List<JsonNode> hits, String id) {
        return hits.stream().filter(h -> h.get("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among " + ids(hits)));
    }

    @Test
    void aChineseQueryFindsStudiesWrittenOnlyInEnglishAfterTheChineseOnes() {
        List<JsonNode> hits = hits("停车", null);
        JsonNode amsterdam = hit(hits, "amsterdam-smart-parking-guidance");
        assertThat(amsterdam.get("title").has("zh")).as("written only in English").isFalse();
        JsonNode via = amsterdam.get("via").get(0);
        assertThat(via.get("from").asText()).isEqualTo("停车");
        assertThat(via.get("toLanguage").asText()).isEqualTo("en");
        assertThat(via.get("to").toString()).contains("parking");
        // found in its own language: no bridge, and ranked above every study the glossary carried the query to
        JsonNode ningbo = hit(hits, "ningbo-gonggong-tingche-youdao");
        assertThat(ningbo.get("via")).isEmpty();
        assertThat(ids(hits).indexOf("ningbo-gonggong-tingche-youdao")).isLessThan(ids(hits).indexOf("amsterdam-smart-parking-guidance"));
        assertThat(amsterdam.get("highlights").toString()).contains("<em>parking");
    }

    @Test
    void anEnglishQueryFindsStudiesWrittenOnlyInChinese() {
        List<JsonNode> hits = hits("bike sharing", null);
        JsonNode chengdu = hit(hits, "chengdu-gongxiang-danche-jianguan");
        assertThat(chengdu.get("title").has("en")).as("written only in Chinese").isFalse();
        assertThat(chengdu.get("via").get(0).get("toLanguage").asText()).isEqualTo("zh");
        assertThat(chengdu.get("via").get(0).get("to").toString()).contains("共享单车");
        assertThat(chengdu.get("highlights").toString()).contains("<em>");
    }

    @Test
    void parkingIsNotThePark() {
        assertThat(ids(hits("parking", null))).contains("amsterdam-smart-parking-guidance")
                .doesNotContain("barcelona-park-irrigation-sensors");
        assertThat(ids(hits("parks", null))).contains("barcelona-park-irrigation-sensors");
    }

    @Test
    void aGlossaryChangeCountsFromTheNextSearchOn() {
        assertThat(ids(hits("green wave", null))).doesNotContain("yangzhou-jiaotong-xinhao-lvbo");

        byte[] created = client.post().uri("/api/v1/glossary").header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "VOCABULARY", "en", List.of("green wave"), "zh", List.of("绿波")))
                .exchange().expectStatus().isCreated()
                .expectHeader().location("/api/v1/glossary/green-wave")
                .expectBody().returnResult().getResponseBody();
        long version = JSON.readTree(created).get("version").asLong();

        JsonNode yangzhou = hit(hits("green wave", null), "yangzhou-jiaotong-xinhao-lvbo");
        assertThat(yangzhou.get("via").get(0).get("termId").asText()).isEqualTo("green-wave");

        // a stale version changes nothing
        client.put().uri("/api/v1/glossary/green-wave").header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("version", version + 5, "category", "VOCABULARY", "en", List.of("signal wave"),
                        "zh", List.of("绿波")))
                .exchange().expectStatus().isEqualTo(409);
        client.put().uri("/api/v1/glossary/green-wave").header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("version", version, "category", "VOCABULARY", "en", List.of("signal wave"),
                        "zh", List.of("绿波")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(version + 1);
        assertThat(ids(hits("signal wave", null))).contains("yangzhou-jiaotong-xinhao-lvbo");
        assertThat(ids(hits("green wave", null))).doesNotContain("yangzhou-jiaotong-xinhao-lvbo");

        client.delete().uri("/api/v1/glossary/green-wave").header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .exchange().expectStatus().isNoContent();
        assertThat(ids(hits("signal wave", null))).doesNotContain("yangzhou-jiaotong-xinhao-lvbo");
        client.get().uri("/api/v1/glossary/green-wave").exchange().expectStatus().isNotFound();
    }

    /** Another instance's write reaches this one through the revision it polls (every second here). */
    @Test
    void aTermWrittenByAnotherInstanceIsUsedWithinTheRefreshInterval() {
        mongo.insert(new GlossaryTerm("heat-metering", null, GlossaryCategory.VOCABULARY, null,
                List.of("heat metering"), List.of("热计量"), Instant.now(), "other-instance")).block();
        mongo.upsert(Query.query(Criteria.where("_id").is(GlossaryRevision.ID)), new Update().inc("value", 1),
                GlossaryRevision.class).block();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> client.get().uri("/api/v1/glossary/heat-metering")
                .exchange().expectStatus().isOk());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> client.get().uri("/api/v1/glossary?q=热计量")
                .exchange().expectBody().jsonPath("$.total").isEqualTo(1));
    }

    @Test
    void onlyCuratorsChangeTheGlossaryAndBadTermsChangeNothing() {
        Map<String, Object> term = Map.of("category", "VOCABULARY", "en", List.of("sunwater gate"), "zh", List.of("日水闸"));
        client.post().uri("/api/v1/glossary").contentType(MediaType.APPLICATION_JSON).bodyValue(term)
                .exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/glossary").header(HttpHeaders.AUTHORIZATION, bearer("editor.amsterdam"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(term)
                .exchange().expectStatus().isForbidden();
        client.delete().uri("/api/v1/glossary/parking").header(HttpHeaders.AUTHORIZATION, bearer("expert.demo"))
                .exchange().expectStatus().isForbidden();
        // a vocabulary term names no code; a domain term names one of the domains
        client.post().uri("/api/v1/glossary").header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "SERVICE_DOMAIN", "code", "TIDES", "en", List.of("moonwater"), "zh", List.of("月水")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code")
                .jsonPath("$.errors[0].message").isEqualTo("不是“服务领域”列表中的代码");
        client.post().uri("/api/v1/glossary").header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("category", "VOCABULARY", "en", List.of("<b>moonwater</b>"), "zh", List.of()))
                .exchange().expectStatus().isBadRequest();
        client.post().uri("/api/v1/glossary").header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "parking", "category", "VOCABULARY", "en", List.of("parking"), "zh", List.of("停车")))
                .exchange().expectStatus().isEqualTo(409);
        client.get().uri("/api/v1/glossary?q=moonwater").exchange().expectBody().jsonPath("$.total").isEqualTo(0);
        client.get().uri("/api/v1/glossary?q=sunwater").exchange().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void aStepIsOneFilterAndOneFacet() {
        List<JsonNode> climbing = hits("", "SERVICES:MORE_ADVANCED");
        assertThat(ids(climbing)).contains("amsterdam-smart-parking-guidance");
        byte[] body = client.get().uri("/api/v1/search?type=case-study&step=SERVICES:MORE_ADVANCED").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        JsonNode results = JSON.readTree(body);
        long total = results.get("total").asLong();
        JsonNode facet = results.get("facets").get("step");
        assertThat(facet.toString()).contains("\"key\":\"SERVICES:MORE_ADVANCED\",\"count\":" + total);
        for (JsonNode entry : facet) {
            assertThat(entry.get("key").asText()).matches("[A-Z_]+:[A-Z_]+");
        }
        client.get().uri("/api/v1/search?step=FUNDING:STATE_OF_THE_ART").exchange().expectStatus().isBadRequest();
        client.get().uri("/api/v1/search?step=FUNDING").exchange().expectStatus().isBadRequest();
    }

    @Test
    void chineseSuggestionsMatchInsideTitles() {
        for (String typed : List.of("停车", "共享")) {
            byte[] body = client.get().uri("/api/v1/search/suggest?q={q}&type=case-study", typed).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody();
            List<String> texts = new ArrayList<>();
            JSON.readTree(body).get("suggestions").forEach(s -> texts.add(s.get("text").asText()));
            assertThat(texts).as(typed).isNotEmpty().allMatch(text -> text.contains(typed));
            assertThat(texts).as(typed).anyMatch(text -> !text.startsWith(typed));
        }
    }

    /** Similar studies cross languages too, both ways: the Chinese parking study and the English one find each other. */
    @Test
    void similarCaseStudiesCrossLanguagesBothWays() {
        assertThat(similar("ningbo-gonggong-tingche-youdao")).contains("shanghai-pudong-lujiazui-smart-parking");
        assertThat(similar("amsterdam-smart-parking-guidance")).contains("shanghai-pudong-lujiazui-smart-parking");
        assertThat(similar("shanghai-pudong-lujiazui-smart-parking")).contains("amsterdam-smart-parking-guidance");
        assertThat(similar("chengdu-gongxiang-danche-jianguan")).contains("jiaxing-public-bicycle-sharing-system");
    }

    private List<String> similar(String id) {
        byte[] body = client.get().uri("/api/v1/case-studies/" + id + "/similar?size=5").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        List<String> ids = new ArrayList<>();
        JSON.readTree(body).forEach(hit -> ids.add(hit.get("id").asText()));
        return ids;
    }

    /** A service domain's or technology's name, in either language, finds what is tagged with its code. */
    @Test
    void namesOfDomainsAndTechnologiesInEitherLanguageMatchTheirCodes() {
        for (String[] nameAndFilter : new String[][] {{"环境", "serviceDomain=ENVIRONMENT"}, {"Environment", "serviceDomain=ENVIRONMENT"},
                {"物联网", "tech=IOT"}, {"Internet of Things", "tech=IOT"}}) {
            byte[] tagged = client.get().uri("/api/v1/search?type=case-study&size=100&" + nameAndFilter[1]).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody();
            List<String> taggedIds = new ArrayList<>();
            JSON.readTree(tagged).get("hits").forEach(hit -> taggedIds.add(hit.get("id").asText()));
            byte[] found = client.get().uri("/api/v1/search?type=case-study&size=100&q={q}", nameAndFilter[0]).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody();
            List<String> foundIds = new ArrayList<>();
            JSON.readTree(found).get("hits").forEach(hit -> foundIds.add(hit.get("id").asText()));
            assertThat(taggedIds).as(nameAndFilter[1]).isNotEmpty();
            assertThat(foundIds).as(nameAndFilter[0]).containsAll(taggedIds);
        }
    }
}
