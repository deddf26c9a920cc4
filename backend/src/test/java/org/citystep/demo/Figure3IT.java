package org.citystep.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.citystep.city.CityGrouping;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.report.MaturityDistribution;
import org.citystep.report.ReportService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

/**
 * On a first start the demo data set is loaded, and the maturity report over it is the white
 * paper's Figure 3: the same counts for every characteristic and region, percentages within one
 * point of the printed ones and adding up to 100.
 */
@SpringBootTest(properties = {"citystep.demo-data.enabled=true",
        "citystep.elasticsearch.index-prefix=citystep-test-figure3-${random.uuid}"})
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class Figure3IT {

    private static final MaturityLevel N = MaturityLevel.NOT_YET_ADDRESSED;
    private static final MaturityLevel B = MaturityLevel.BASIC;
    private static final MaturityLevel A = MaturityLevel.AVERAGE;
    private static final MaturityLevel M = MaturityLevel.MORE_ADVANCED;
    private static final MaturityLevel S = MaturityLevel.STATE_OF_THE_ART;
    private static final MaturityLevel X = MaturityLevel.NOT_ASSESSED;

    /** Figure 3 as printed (percent of 15 cities); levels not listed are 0 %. */
    private static final Map<Characteristic, Map<String, Map<MaturityLevel, Integer>>> FIGURE_3 = Map.of(
            Characteristic.STRATEGY, Map.of("CHINA", Map.of(B, 7, A, 27, M, 66), "EU", Map.of(N, 7, A, 26, M, 53, S, 7, X, 7)),
            Characteristic.STAKEHOLDERS, Map.of("CHINA", Map.of(A, 60, M, 40), "EU", Map.of(B, 7, A, 13, M, 60, S, 20)),
            Characteristic.GOVERNANCE, Map.of("CHINA", Map.of(A, 7, M, 93), "EU", Map.of(A, 27, M, 47, S, 13, X, 13)),
            Characteristic.FUNDING, Map.of("CHINA", Map.of(A, 87, M, 13), "EU", Map.of(B, 7, A, 60, M, 26, X, 7)),
            Characteristic.VALUE_ASSESSMENT, Map.of("CHINA", Map.of(B, 7, A, 53, M, 27, X, 13),
                    "EU", Map.of(N, 20, A, 7, M, 26, S, 7, X, 40)),
            Characteristic.BUSINESS_MODELS, Map.of("CHINA", Map.of(A, 20, M, 47, X, 33), "EU", Map.of(B, 7, A, 27, M, 46, X, 20)),
            Characteristic.ICT_INFRASTRUCTURE, Map.of("CHINA", Map.of(B, 7, A, 13, M, 80), "EU", Map.of(A, 7, M, 80, X, 13)),
            Characteristic.SERVICES, Map.of("CHINA", Map.of(B, 13, A, 87), "EU", Map.of(A, 20, M, 67, S, 13)));

    @Autowired
    ReportService reports;

    @Autowired
    WebTestClient client;

    @Autowired
    co.elastic.clients.elasticsearch.ElasticsearchAsyncClient elasticsearch;
    @Autowired
    org.citystep.search.ElasticsearchProperties properties;

    @org.junit.jupiter.api.AfterAll
    void deleteTestIndexes() {
        org.citystep.support.TestIndexes.deleteAll(elasticsearch, properties.indexPrefix());
    }

    /**
     * Experts are loaded last, so all six present means every city and assessment is in MongoDB; the
     * report counts through the search read model, so it waits for the 30 assessed cities there too.
     */
    private void awaitDemoData() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/api/v1/experts").exchange()
                .expectBody().jsonPath("$.total").isEqualTo(6));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> StepVerifier
                .create(reports.maturityDistribution(CityGrouping.REGION))
                .assertNext(report -> assertThat(report.characteristics().get(0).groups())
                        .extracting(MaturityDistribution.Group::total).containsExactly(15L, 15L))
                .verifyComplete());
    }

    @Test
    void reportOverTheDemoDataIsFigure3() {
        awaitDemoData();
        StepVerifier.create(reports.maturityDistribution(CityGrouping.REGION))
                .assertNext(this::matchesFigure3)
                .verifyComplete();
    }

    private void matchesFigure3(MaturityDistribution report) {
        assertThat(report.characteristics()).extracting(MaturityDistribution.CharacteristicDistribution::characteristic)
                .containsExactlyElementsOf(Characteristic.ratedOnes());
        for (var characteristic : report.characteristics()) {
            assertThat(characteristic.groups()).extracting(MaturityDistribution.Group::group).containsExactly("EU", "CHINA");
            for (var group : characteristic.groups()) {
                Map<MaturityLevel, Integer> printed = FIGURE_3.get(characteristic.characteristic()).get(group.group());
                for (MaturityLevel level : MaturityLevel.values()) {
                    int percent = printed.getOrDefault(level, 0);
                    String where = characteristic.characteristic() + " " + group.group() + " " + level;
                    assertThat(group.counts().get(level)).as(where).isEqualTo(Math.round(percent * 15 / 100.0));
                    assertThat(group.percentages().get(level).subtract(BigDecimal.valueOf(percent)).abs())
                            .as(where + " percentage").isLessThanOrEqualTo(BigDecimal.ONE);
                }
                assertThat(group.percentages().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualByComparingTo("100.0");
            }
        }
    }

    @Test
    void citiesWithoutAValidatedAssessmentStayOutOfTheReport() {
        awaitDemoData();
        client.mutateWith(org.citystep.support.Users.curator()).post().uri("/api/v1/cities")
                .bodyValue(org.citystep.support.Fixtures.city("unassessed-town", "Unassessed Town", "DE", "EU"))
                .exchange().expectStatus().isCreated();
        org.citystep.support.TestIndexes.refresh(elasticsearch, properties.indexPrefix());
        client.get().uri("/api/v1/search?type=city&q=Unassessed").exchange().expectBody().jsonPath("$.total")
                .isEqualTo(1);

        StepVerifier.create(reports.maturityDistribution(CityGrouping.REGION))
                .assertNext(this::matchesFigure3)
                .verifyComplete();
    }

    @Test
    void reportIsAlsoCsvWithEveryLevel() {
        awaitDemoData();
        String csv = client.get().uri("/api/v1/reports/maturity-distribution?groupBy=region")
                .accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFCharacteristic code,Characteristic,Region code,Region,Cities,"
                + "Not yet addressed,Basic,Average");
        assertThat(lines).hasSize(1 + 8 * 2);
        assertThat(lines).contains("STRATEGY,Smart City Strategy,CHINA,China,15,0,1,4,10,0,0,0.0,6.7,26.7,66.6,0.0,0.0");

        // a Chinese reader gets Chinese headers and names beside the same codes and figures
        String chinese = client.get().uri("/api/v1/reports/maturity-distribution?groupBy=region")
                .accept(MediaType.parseMediaType("text/csv")).header("Accept-Language", "zh-CN,zh;q=0.9").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Language", "zh-CN")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(chinese.lines().findFirst().orElseThrow()).startsWith("\uFEFF特征代码,特征,地区代码,地区,城市数,尚未涉及,初级,中级");
        assertThat(chinese.lines().toList()).contains("STRATEGY,智慧城市战略,CHINA,中国,15,0,1,4,10,0,0,0.0,6.7,26.7,66.6,0.0,0.0");
    }

    @Test
    void demoCaseStudiesLoadWithTheirCurationStates() {
        awaitDemoData();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/api/v1/case-studies?size=1")
                .exchange().expectBody().jsonPath("$.total").isEqualTo(45));
        client.mutateWith(org.citystep.support.Users.curator()).get().uri("/api/v1/case-studies?status=SUBMITTED")
                .exchange().expectBody().jsonPath("$.total").isEqualTo(3);
        client.mutateWith(org.citystep.support.Users.curator()).get().uri("/api/v1/case-studies?dueForReverification=true")
                .exchange().expectBody().jsonPath("$.total").isEqualTo(6);
        client.get().uri("/api/v1/case-studies/chengdu-government-open-data-portal-app-contest").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.demo").isEqualTo(true).jsonPath("$.title.zh").isNotEmpty()
                .jsonPath("$.body.zh").value(html -> assertThat((String) html).contains("<p>"));
    }

    @Test
    void demoCitiesAreLabelledAndFoundByLevel() {
        awaitDemoData();
        client.get().uri("/api/v1/cities/amsterdam").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.demo").isEqualTo(true).jsonPath("$.name.zh").isNotEmpty();
        client.get().uri("/api/v1/cities?region=CHINA&characteristic=SERVICES&level=BASIC").exchange()
                .expectBody().jsonPath("$.total").isEqualTo(2);
        client.get().uri("/api/v1/cities/chengdu/assessment").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("VALIDATED");
        client.get().uri("/api/v1/experts/demo-expert").exchange().expectStatus().isOk();
    }
}
