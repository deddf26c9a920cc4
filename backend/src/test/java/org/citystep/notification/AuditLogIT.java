package org.citystep.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log read through its Elasticsearch read model with real tokens: a curator's glossary
 * writes appear newest first with their versions, filtered by action, resource, actor and time;
 * a city editor is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "citystep.elasticsearch.index-prefix=citystep-test-audit-${random.uuid}"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ElasticsearchAsyncClient elasticsearch;
    @Autowired
    ElasticsearchProperties properties;

    WebTestClient client;

    @BeforeAll
    void client() {
        client = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create().keepAlive(false)))
                .baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    void deleteTestIndexes() {
        TestIndexes.deleteAll(elasticsearch, properties.indexPrefix());
    }

    private static String bearer(String user) {
        return "Bearer " + KeycloakTokens.accessToken(user);
    }

    private JsonNode audit(String user, String query) {
        byte[] body = client.get().uri("/api/v1/admin/audit" + query).header("Authorization", bearer(user)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    @Test
    void curatorsReadEveryWriteNewestFirstAndFiltered() {
        Instant start = Instant.now().minusSeconds(1);
        String curator = bearer("curator.demo");
        client.post().uri("/api/v1/glossary").header("Authorization", curator)
                .bodyValue(Map.of("id", "audit-it-kerb", "category", "VOCABULARY", "en", List.of("kerb"), "zh", List.of("路缘")))
                .exchange().expectStatus().isCreated();
        client.put().uri("/api/v1/glossary/audit-it-kerb").header("Authorization", curator)
                .bodyValue(Map.of("version", 0, "category", "VOCABULARY", "en", List.of("kerb", "curb"), "zh", List.of("路缘")))
                .exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(audit("curator.demo", "?resourceId=audit-it-kerb").path("total").asLong()).isEqualTo(2));
        JsonNode both = audit("curator.demo", "?resourceId=audit-it-kerb&resourceType=glossaryTerm");
        assertThat(both.path("items").get(0).path("action").asText()).isEqualTo("glossary.updated");
        assertThat(both.path("items").get(0).path("versionBefore").asLong()).isEqualTo(0);
        assertThat(both.path("items").get(0).path("versionAfter").asLong()).isEqualTo(1);
        assertThat(both.path("items").get(0).path("actorName").asText()).isEqualTo("curator.demo");
        assertThat(both.path("items").get(1).path("action").asText()).isEqualTo("glossary.created");

        assertThat(audit("admin.demo", "?action=glossary.created&resourceId=audit-it-kerb").path("total").asLong()).isEqualTo(1);
        assertThat(audit("curator.demo", "?actor=curator.demo&from=" + start).path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(audit("curator.demo", "?actor=admin.demo&resourceId=audit-it-kerb").path("total").asLong()).isZero();
        assertThat(audit("curator.demo", "?resourceId=audit-it-kerb&to=" + start).path("total").asLong()).isZero();

        client.get().uri("/api/v1/admin/audit").header("Authorization", bearer("editor.amsterdam")).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/v1/admin/audit?size=1000").header("Authorization", curator).exchange()
                .expectStatus().isBadRequest();
    }
}
