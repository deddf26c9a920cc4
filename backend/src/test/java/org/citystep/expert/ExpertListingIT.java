package org.citystep.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The experts directory and the reviewer picker are answered by the experts read model, not a scan
 * of MongoDB: pages beyond the first in id order with the right total, a name found as it is typed,
 * {@code zh} finding {@code zh-CN} speakers, and proposed experts only for curators.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"citystep.elasticsearch.index-prefix=citystep-test-expertlist-${random.uuid}",
                "citystep.elasticsearch.catch-up-interval=1s"})
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpertListingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A language no demo expert speaks, so the list holds this test's experts only. */
    private static final String LANGUAGE = "is";

    @Autowired
    WebTestClient client;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;
    @Autowired
    ElasticsearchProperties properties;

    private static String bearer(String user) {
        return "Bearer " + KeycloakTokens.accessToken(user);
    }

    @BeforeAll
    void experts() {
        // the first requests warm the app up: on a busy machine they take longer than the default 5 s
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        for (int i = 1; i <= 25; i++) {
            String id = String.format("el-%02d", i);
            List<String> languages = i == 7 ? List.of(LANGUAGE, "zh-CN") : List.of(LANGUAGE, "en");
            String name = i == 7 ? "Ingrid Zhao" : "Reviewer Number " + i;
            client.post().uri("/api/v1/experts").header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                    .bodyValue(Map.of("id", id, "name", name, "country", "IS", "region", "EU", "languages", languages,
                            "expertise", Map.of("characteristics", List.of("FUNDING")), "availability", "AVAILABLE"))
                    .exchange().expectStatus().isCreated();
            if (i <= 24) {
                client.post().uri("/api/v1/experts/{id}/approve", id).header(HttpHeaders.AUTHORIZATION, bearer("curator.demo"))
                        .bodyValue(Map.of("version", 0)).exchange().expectStatus().isOk();
            }
        }
    }

    /** {@code query} is a URI template: the typed name goes in as a variable, encoded once. */
    private JsonNode list(String query, String user, Object... variables) {
        var request = client.get().uri("/api/v1/experts?language=" + LANGUAGE + "&" + query, variables);
        if (user != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, bearer(user));
        }
        return JSON.readTree(request.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    void pagesBeyondTheFirstComeInIdOrderWithTheTotal() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(list("size=10", null).get("total").asLong())
                .isEqualTo(24));
        JsonNode third = list("size=10&page=2", null);
        assertThat(ids(third)).containsExactly("el-21", "el-22", "el-23", "el-24");
        assertThat(ids(list("size=10&page=1&characteristic=FUNDING", null))).first().isEqualTo("el-11");
        // the proposed expert: for curators only
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ids(list("size=10&page=2&status=PROPOSED",
                "curator.demo"))).isEmpty());
        assertThat(ids(list("size=10&status=PROPOSED", "curator.demo"))).containsExactly("el-25");
        assertThat(list("size=10", "curator.demo").get("total").asLong()).isEqualTo(25);
    }

    @Test
    void aNameIsFoundAsItIsTypedAndZhFindsZhCnSpeakers() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ids(list("size=20&name={name}", null, "ingrid zh")))
                .containsExactly("el-07"));
        JsonNode reviewers = list("size=20&name={name}", null, "reviewer numb");
        assertThat(reviewers.get("total").asLong()).isEqualTo(23);
        assertThat(ids(reviewers)).hasSize(20).doesNotContain("el-07");
        assertThat(ids(list("size=20&name=nobody", null))).isEmpty();
        client.get().uri("/api/v1/experts?language=zh&name=ingrid&size=5").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].id").isEqualTo("el-07");
    }

    @AfterAll
    void deleteTestIndexes() {
        TestIndexes.deleteAll(elasticsearch, properties.indexPrefix());
    }
}
