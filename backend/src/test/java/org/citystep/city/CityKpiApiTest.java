package org.citystep.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.citystep.audit.AuditRecord;
import org.citystep.reference.IndicatorCatalogue;
import org.citystep.support.Fixtures;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicator catalogue and the KPI rules built on it: a KPI names a catalogued indicator in its unit,
 * with a value in range and a sensible year; anything else is a 400 naming the field, and nothing is written.
 */
@WithoutElasticsearch
class CityKpiApiTest {

    @Autowired
    WebTestClient client;
    @Autowired
    IndicatorCatalogue catalogue;
    @Autowired
    JsonMapper json;
    @Autowired
    ReactiveMongoTemplate template;
    @Autowired
    Clock clock;

    private static Map<String, Object> kpi(String code, double value, String unit, int year) {
        Map<String, Object> kpi = new HashMap<>();
        kpi.put("indicatorCode", code);
        kpi.put("name", Map.of("en", "A KPI"));
        kpi.put("value", value);
        kpi.put("unit", unit);
        kpi.put("year", year);
        return kpi;
    }

    private Map<String, Object> withKpis(String id, long version, List<Map<String, Object>> kpis) {
        Map<String, Object> body = new HashMap<>(Fixtures.city(id, "City " + id, "NL", "EU"));
        body.put("version", version);
        body.put("kpis", kpis);
        return body;
    }

    @Test
    void catalogueListsIndicatorsOfEachStandardInBothLanguagesWithUnits() {
        client.get().uri("/api/v1/reference/indicators?size=100").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").value(n -> assertThat((Integer) n).isGreaterThan(30))
                .jsonPath("$.items[?(@.code == 'ISO 37120:2014 8.1')].title.zh").isEqualTo(List.of("细颗粒物（PM2.5）浓度"))
                .jsonPath("$.items[?(@.code == 'ISO 37120:2014 8.1')].unit").isEqualTo(List.of("µg/m³"))
                .jsonPath("$.items[?(@.standard == 'U4SSC')]").exists()
                .jsonPath("$.items[?(@.standard == 'ISO_37123')]").exists();

        client.get().uri("/api/v1/reference/indicators?standard=U4SSC&q=broadband").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].code").isEqualTo("U4SSC EC:ICT:ICT:2C");

        client.get().uri("/api/v1/reference/indicators?q=自行车").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].code").isEqualTo("ISO 37120:2014 18.7");

        client.get().uri("/api/v1/reference/indicators?theme=TRANSPORTATION&size=3&page=1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(3).jsonPath("$.page").isEqualTo(1);

        client.get().uri("/api/v1/reference/indicators?standard=ISO_99999").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void creationAndACataloguedKpiAddedByTheEditorAreAudited() {
        Fixtures.createCity(client, "kpi-haarlem", "NL", "EU");
        client.mutateWith(Users.editorOf("kpi-haarlem")).put().uri("/api/v1/cities/kpi-haarlem")
                .bodyValue(withKpis("kpi-haarlem", 0, List.of(kpi("ISO 37120:2014 8.1", 11.2, "µg/m³", 2024),
                        kpi("ISO 37120:2014 18.5", 61, "percent", 2023))))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.kpis.length()").isEqualTo(2)
                .jsonPath("$.version").isEqualTo(1);

        StepVerifier.create(template.find(Query.query(Criteria.where("resourceId").is("kpi-haarlem")), AuditRecord.class))
                .assertNext(entry -> {
                    assertThat(entry.action()).isEqualTo("city.created");
                    assertThat(entry.versionBefore()).isNull();
                    assertThat(entry.versionAfter()).isEqualTo(0L);
                })
                .assertNext(entry -> {
                    assertThat(entry.action()).isEqualTo("city.updated");
                    assertThat(entry.cityId()).isEqualTo("kpi-haarlem");
                    assertThat(entry.versionBefore()).isEqualTo(0L);
                    assertThat(entry.versionAfter()).isEqualTo(1L);
                })
                .verifyComplete();
    }

    @Test
    void unknownCodeWrongUnitOutOfRangeValueAndFutureYearAreRefusedAndNothingIsWritten() {
        Fixtures.createCity(client, "kpi-leiden", "NL", "EU");
        int nextYear = java.time.Year.now(clock).getValue() + 1;
        client.mutateWith(Users.editorOf("kpi-leiden")).put().uri("/api/v1/cities/kpi-leiden")
                .header("Accept-Language", "en")
                .bodyValue(withKpis("kpi-leiden", 0, List.of(kpi("ISO 37120:2014 99.9", 1, "%", 2020),
                        kpi("ISO 37120:2014 8.1", 12, "%", 2020),
                        kpi("ISO 37120:2014 16.3", 140, "%", 2020),
                        kpi("ISO 37120:2014 5.1", 4, "%", nextYear))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citystep:problem:validation-failed")
                .jsonPath("$.errors[?(@.field == 'kpis[0].indicatorCode')]").exists()
                .jsonPath("$.errors[?(@.field == 'kpis[1].unit')].message").value(m -> assertThat(m.toString()).contains("8.1").contains("µg"))
                .jsonPath("$.errors[?(@.field == 'kpis[2].value')]").exists()
                .jsonPath("$.errors[?(@.field == 'kpis[3].year')]").exists();

        client.get().uri("/api/v1/cities/kpi-leiden").exchange()
                .expectBody().jsonPath("$.version").isEqualTo(0).jsonPath("$.kpis").isEmpty();
    }

    @Test
    void aCuratorCreatingACityIsHeldToTheSameRules() {
        Map<String, Object> body = new HashMap<>(Fixtures.city("kpi-delft", "Delft", "NL", "EU"));
        body.put("kpis", List.of(kpi("made-up", 1, "%", 2020)));
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities").bodyValue(body).exchange()
                .expectStatus().isBadRequest();
        client.get().uri("/api/v1/cities/kpi-delft").exchange().expectStatus().isNotFound();
    }

    @Test
    void editorOfAnotherCityCannotChangeItsKpis() {
        Fixtures.createCity(client, "kpi-gouda", "NL", "EU");
        client.mutateWith(Users.editorOf("kpi-leiden")).put().uri("/api/v1/cities/kpi-gouda")
                .bodyValue(withKpis("kpi-gouda", 0, List.of(kpi("ISO 37120:2014 8.1", 11.2, "µg/m³", 2024))))
                .exchange()
                .expectStatus().isForbidden();
        client.put().uri("/api/v1/cities/kpi-gouda")
                .bodyValue(withKpis("kpi-gouda", 0, List.of()))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void everyCodedKpiOfTheDemoSeedPassesTheCatalogueRules() throws Exception {
        JsonNode seed = json.readTree(new ClassPathResource("seed/pilot-cities.json").getInputStream());
        List<String> problems = new ArrayList<>();
        int coded = 0;
        for (JsonNode city : seed.get("cities")) {
            List<CityProfile.Kpi> kpis = new ArrayList<>();
            for (JsonNode k : city.path("kpis")) {
                CityProfile.Kpi kpi = json.treeToValue(k, CityProfile.Kpi.class);
                kpis.add(kpi);
                coded += kpi.indicatorCode() == null ? 0 : 1;
            }
            KpiCheck.problems(kpis, catalogue, clock)
                    .forEach(p -> problems.add(city.get("id").asText() + " " + p.field() + " " + p.code() + " " + p.args()));
        }
        assertThat(problems).isEmpty();
        assertThat(coded).isGreaterThan(40);
    }
}
