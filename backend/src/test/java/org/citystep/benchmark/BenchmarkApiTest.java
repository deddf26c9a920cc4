package org.citystep.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citystep.assessment.AssessmentService;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceDataService;
import org.citystep.support.Fixtures;
import org.citystep.support.Staircase;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A city's benchmark with search down: peers one step ahead cannot be looked up (said so), the region's
 * median is unknown, but the members of the city's active clusters are compared, levels and KPIs alike.
 */
@WithoutElasticsearch
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchmarkApiTest {

    @Autowired
    WebTestClient client;
    @Autowired
    AssessmentService assessments;
    @Autowired
    ReferenceDataService reference;

    private static Map<String, Object> kpi(String code, double value, String unit) {
        return Map.of("indicatorCode", code, "name", Map.of("en", "PM2.5"), "value", value, "unit", unit, "year", 2024);
    }

    private void withKpi(String id, double pm25) {
        Map<String, Object> body = new HashMap<>(Fixtures.city(id, "City " + id, "ES", "EU"));
        body.put("kpis", List.of(kpi("ISO 37120:2014 8.1", pm25, "µg/m³")));
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities").bodyValue(body).exchange()
                .expectStatus().isCreated();
    }

    @BeforeAll
    void clusterOfThree() {
        withKpi("bm-lead", 10);
        withKpi("bm-second", 20);
        withKpi("bm-third", 30);
        Fixtures.createCity(client, "bm-outsider", "ES", "EU");
        Staircase.assess(assessments, reference, "bm-lead", Map.of(Characteristic.STRATEGY, MaturityLevel.BASIC));
        Staircase.assess(assessments, reference, "bm-second", Map.of(Characteristic.STRATEGY, MaturityLevel.AVERAGE));
        Staircase.assess(assessments, reference, "bm-third", Map.of(Characteristic.STRATEGY, MaturityLevel.STATE_OF_THE_ART));

        client.mutateWith(Users.editorOf("bm-lead")).post().uri("/api/v1/clusters").bodyValue(Map.of("id", "bm-air",
                        "name", Map.of("en", "Clean air", "zh", "清洁空气"), "purpose", Map.of("en", "Less PM2.5."),
                        "topic", Map.of("serviceDomains", List.of("ENVIRONMENT"), "keywords", List.of("air")),
                        "leadCityId", "bm-lead", "invitedCityIds", List.of("bm-second", "bm-third")))
                .exchange().expectStatus().isCreated();
        for (String member : List.of("bm-second", "bm-third")) {
            client.mutateWith(Users.editorOf(member)).post().uri("/api/v1/clusters/bm-air/members")
                    .bodyValue(Map.of("cityId", member)).exchange().expectStatus().isOk();
        }
        client.mutateWith(Users.curator()).post().uri("/api/v1/clusters/bm-air/approve")
                .bodyValue(Map.of("version", Fixtures.version(client, "/api/v1/clusters/bm-air"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void editorSeesTheirCityBesideItsClustersMembers() {
        client.mutateWith(Users.editorOf("bm-lead")).get().uri("/api/v1/cities/bm-lead/benchmark").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.peerLookup").isEqualTo("UNAVAILABLE")
                .jsonPath("$.clusters[0].id").isEqualTo("bm-air")
                .jsonPath("$.peers.length()").isEqualTo(2)
                .jsonPath("$.peers[0].relation").isEqualTo("CLUSTER_MEMBER")
                .jsonPath("$.levels[?(@.characteristic == 'STRATEGY')].level").isEqualTo(List.of("BASIC"))
                // average (2) and state of the art (4)
                .jsonPath("$.levels[?(@.characteristic == 'STRATEGY')].clustersMedian").isEqualTo(List.of(3.0))
                .jsonPath("$.levels[?(@.characteristic == 'STRATEGY')].regionCities").isEqualTo(List.of(0))
                .jsonPath("$.kpis[0].indicatorCode").isEqualTo("ISO 37120:2014 8.1")
                .jsonPath("$.kpis[0].title.zh").isEqualTo("细颗粒物（PM2.5）浓度")
                .jsonPath("$.kpis[0].value").isEqualTo(10.0)
                .jsonPath("$.kpis[0].others.length()").isEqualTo(2)
                .jsonPath("$.kpis[0].median").isEqualTo(25.0);
    }

    @Test
    void editorOfAnotherCityIsForbiddenAndAnonymousIsUnauthorized() {
        client.mutateWith(Users.editorOf("bm-outsider")).get().uri("/api/v1/cities/bm-lead/benchmark").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("bm-outsider"));
        client.get().uri("/api/v1/cities/bm-lead/benchmark").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void curatorSeesAnyCityAndAMissingCityIsNotFound() {
        client.mutateWith(Users.curator()).get().uri("/api/v1/cities/bm-outsider/benchmark").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.clusters").isEmpty().jsonPath("$.kpis").isEmpty()
                .jsonPath("$.levels.length()").isEqualTo(Characteristic.ratedOnes().size());
        client.mutateWith(Users.curator()).get().uri("/api/v1/cities/atlantis/benchmark").exchange()
                .expectStatus().isNotFound();
    }
}
