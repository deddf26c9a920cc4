package org.citystep.cityremoval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citystep.assessment.AssessmentService;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceDataService;
import org.citystep.search.ElasticsearchProperties;
import org.citystep.support.Fixtures;
import org.citystep.support.Staircase;
import org.citystep.support.TestIndexes;
import org.citystep.support.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;

/**
 * A retired or deleted city leaves every list, match, report and search through the real
 * Elasticsearch read model; a restored one comes back; a deleted one takes its case studies and
 * cluster places along.
 */
@SpringBootTest(properties = {"citystep.demo-data.enabled=false",
                // matches of other cities are cached for 2 minutes; here every answer is computed
                "citystep.matching.cache-ttl=0s",
                "citystep.elasticsearch.index-prefix=citystep-test-removal-${random.uuid}"})
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class CityRemovalIT {

    private static final MaturityLevel BASIC = MaturityLevel.BASIC;
    private static final MaturityLevel AVERAGE = MaturityLevel.AVERAGE;

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

    private void city(String id, Map<Characteristic, MaturityLevel> levels) {
        Staircase.createCity(client, Staircase.city(id, "LU", "EU", 120_000, "MUNICIPALITY",
                List.of("TRANSPORTATION", "ENERGY_UTILITIES"), List.of("en", "fr")));
        Staircase.assess(assessments, reference, id, levels);
    }

    @BeforeAll
    void cities() {
        // the first writes wait for the new indexes; on a busy machine that takes more than the default 5 s
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        city("rmit-home", Staircase.levels(BASIC, Map.of()));
        city("rmit-retired", Staircase.levels(BASIC, Map.of(Characteristic.FUNDING, AVERAGE)));
        city("rmit-deleted", Staircase.levels(BASIC, Map.of(Characteristic.FUNDING, AVERAGE)));
        city("rmit-kept", Staircase.levels(BASIC, Map.of(Characteristic.FUNDING, AVERAGE)));
        Staircase.publishCaseStudy(client, "rmit-deleted-fund", "rmit-deleted",
                Map.of("en", "Revolving fund for tram stops"), Characteristic.FUNDING, BASIC, AVERAGE, false);
        Staircase.publishCaseStudy(client, "rmit-retired-fund", "rmit-retired",
                Map.of("en", "Green bonds for bus depots"), Characteristic.FUNDING, BASIC, AVERAGE, false);
        Map<String, Object> cluster = new HashMap<>();
        cluster.put("id", "rmit-trams");
        cluster.put("name", Map.of("en", "Trams"));
        cluster.put("leadCityId", "rmit-deleted");
        cluster.put("invitedCityIds", List.of("rmit-kept"));
        client.mutateWith(Users.editorOf("rmit-deleted")).post().uri("/api/v1/clusters").bodyValue(cluster).exchange()
                .expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            TestIndexes.refresh(elasticsearch, properties.indexPrefix());
            assertThat(listed()).contains("rmit-home", "rmit-retired", "rmit-deleted", "rmit-kept");
            assertThat(matched()).contains("rmit-retired", "rmit-deleted", "rmit-kept");
            assertThat(searchTotal("case-study")).isEqualTo(2);
        });
    }

    private List<String> listed() {
        Map<?, ?> body = client.get().uri("/api/v1/cities?country=LU&size=100").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) body.get("items")).stream().map(c -> (String) c.get("id")).toList();
    }

    private List<String> matched() {
        Map<?, ?> body = client.mutateWith(Users.editorOf("rmit-home")).get()
                .uri("/api/v1/cities/rmit-home/matches?characteristic=FUNDING&limit=50").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) body.get("matches")).stream().map(m -> (String) m.get("cityId")).toList();
    }

    /** How many cities of Luxembourg the maturity report counts for FUNDING. */
    private long reported() {
        Map<?, ?> body = client.get().uri("/api/v1/reports/maturity-distribution?groupBy=country").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) body.get("characteristics")).stream()
                .filter(c -> "FUNDING".equals(c.get("characteristic")))
                .flatMap(c -> ((List<Map<String, Object>>) c.get("groups")).stream())
                .filter(g -> "LU".equals(g.get("group")))
                .mapToLong(g -> ((Number) g.get("total")).longValue()).sum();
    }

    private long searchTotal(String type) {
        Map<?, ?> body = client.get().uri("/api/v1/search?type=" + type + "&size=1").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("total")).longValue();
    }

    private boolean studyFound(String id) {
        String json = new String(client.get().uri("/api/v1/search?type=case-study&size=50").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        return json.contains("\"" + id + "\"");
    }

    @Test
    void aRetiredCityLeavesListsMatchesReportsAndSearchAndComesBackWhenRestored() {
        long reportedBefore = reported();
        long searchedBefore = searchTotal("city");
        assertThat(studyFound("rmit-retired-fund")).isTrue();
        long version = Fixtures.version(client, "/api/v1/cities/rmit-retired");
        client.mutateWith(Users.admin()).post().uri("/api/v1/admin/cities/rmit-retired/retire")
                .bodyValue(Map.of("version", version)).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            TestIndexes.refresh(elasticsearch, properties.indexPrefix());
            assertThat(listed()).doesNotContain("rmit-retired").contains("rmit-home");
            assertThat(matched()).doesNotContain("rmit-retired").contains("rmit-kept");
            assertThat(reported()).isEqualTo(reportedBefore - 1);
            assertThat(searchTotal("city")).isEqualTo(searchedBefore - 1);
            assertThat(studyFound("rmit-retired-fund")).isFalse();
        });

        client.mutateWith(Users.admin()).post().uri("/api/v1/admin/cities/rmit-retired/restore")
                .bodyValue(Map.of("version", version + 1)).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            TestIndexes.refresh(elasticsearch, properties.indexPrefix());
            assertThat(listed()).contains("rmit-retired");
            assertThat(matched()).contains("rmit-retired");
            assertThat(reported()).isEqualTo(reportedBefore);
        });
        // its unchanged case study meets the tombstone of its removal (Elasticsearch keeps it 60 s): the
        // catch-up indexes it again once that is gone
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            TestIndexes.refresh(elasticsearch, properties.indexPrefix());
            assertThat(studyFound("rmit-retired-fund")).isTrue();
        });
    }

    @Test
    void aDeletedCityLeavesEverythingWithItsCaseStudiesAndClusterPlaces() {
        long reportedBefore = reported();
        client.mutateWith(Users.admin()).delete().uri("/api/v1/admin/cities/rmit-deleted?confirm=rmit-deleted")
                .exchange().expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            TestIndexes.refresh(elasticsearch, properties.indexPrefix());
            assertThat(listed()).doesNotContain("rmit-deleted");
            assertThat(matched()).doesNotContain("rmit-deleted");
            assertThat(reported()).isEqualTo(reportedBefore - 1);
            assertThat(studyFound("rmit-deleted-fund")).isFalse();
        });
        client.get().uri("/api/v1/cities/rmit-deleted").exchange().expectStatus().isNotFound();
        client.mutateWith(Users.curator()).get().uri("/api/v1/clusters/rmit-trams").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.members").isEmpty()
                .jsonPath("$.invited[0].cityId").isEqualTo("rmit-kept");
    }
}
