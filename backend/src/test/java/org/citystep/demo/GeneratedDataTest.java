package org.citystep.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.casestudy.CaseStudyStatus;
import org.citystep.city.CityGrouping;
import org.citystep.city.Region;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.report.MaturityDistribution;
import org.citystep.report.ReportService;
import org.citystep.support.Users;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scale-test data generator at a small scale (200 cities, 1,000 case studies, 40 experts), on
 * the in-memory MongoDB: what it loads holds the same invariants as data entered through the API.
 */
@WithoutElasticsearch
@TestPropertySource(properties = "citystep.generate.seed=7") // a context (and database) of its own
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DataGenerator generator;
    @Autowired
    DemoDataLoader demo;
    @Autowired
    ReportService reports;
    @Autowired
    WebTestClient client;

    @BeforeAll
    void generate() {
        StepVerifier.create(generator.load(200, 1000, 40, 7))
                .assertNext(loaded -> {
                    assertThat(loaded.cities()).isEqualTo(200);
                    assertThat(loaded.caseStudies()).isEqualTo(1000);
                    assertThat(loaded.experts()).isEqualTo(40);
                })
                .verifyComplete();
    }

    private JsonNode get(String uri) {
        return JSON.readTree(client.mutateWith(Users.curator()).get().uri(uri).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private List<JsonNode> all(String uri) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonNode body = get(uri + (uri.contains("?") ? "&" : "?") + "size=40&page=" + page);
            body.get("items").forEach(items::add);
            if (items.size() >= body.get("total").asLong()) {
                return items;
            }
        }
    }

    /**
     * The report over the generated cities keeps Figure 3's proportions per region: every level's
     * count is within one city of its share of the region's total. One city is the least a count can
     * be off (counts are whole numbers), and the generator rounds each region's quota by largest
     * remainder, so anything looser would hide a skewed generator.
     */
    @Test
    void levelSpreadPerRegionFollowsFigure3() {
        var figure3 = DataGenerator.figure3(demo.pilotSeed());
        // counted from the cities themselves: the report counts through the search read model, down here
        Map<String, Map<Characteristic, Map<MaturityLevel, Long>>> counts = new HashMap<>();
        long total = 0;
        for (int page = 0; ; page++) {
            JsonNode body = JsonMapper.builder().build().readTree(client.get()
                    .uri("/api/v1/cities?size=100&page=" + page).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody());
            if (body.get("items").isEmpty()) {
                break;
            }
            for (JsonNode city : body.get("items")) {
                if (city.get("assessedAt") == null || city.get("assessedAt").isNull()) {
                    continue;
                }
                total++;
                var byCharacteristic = counts.computeIfAbsent(city.get("region").asText(), r -> new HashMap<>());
                for (Characteristic characteristic : Characteristic.ratedOnes()) {
                    MaturityLevel level = MaturityLevel.valueOf(city.get("levels").get(characteristic.name()).asText());
                    byCharacteristic.computeIfAbsent(characteristic, c -> new HashMap<>()).merge(level, 1L, Long::sum);
                }
            }
        }
        assertThat(counts).containsKeys("EU", "CHINA", "OTHER");
        counts.forEach((region, byCharacteristic) -> byCharacteristic.forEach((characteristic, levels) -> {
            Map<MaturityLevel, Integer> pilots = new SyntheticData(7, figure3).counts(Region.valueOf(region), characteristic);
            int pilotTotal = pilots.values().stream().mapToInt(Integer::intValue).sum();
            long groupTotal = levels.values().stream().mapToLong(Long::longValue).sum();
            for (MaturityLevel level : MaturityLevel.values()) {
                double expected = (double) pilots.getOrDefault(level, 0) / pilotTotal * groupTotal;
                assertThat((double) levels.getOrDefault(level, 0L))
                        .as("%s %s %s", characteristic, region, level)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
            }
        }));
        assertThat(total).as("every city has a validated assessment").isEqualTo(200);
    }

    /**
     * Every case study's steps climb exactly one level; a generated one shows the step by which its
     * city reached its level in that characteristic, or its next step.
     */
    @Test
    void everyStepClimbsExactlyOneLevelFromWhereItsCityStands() {
        Map<String, JsonNode> levelsOf = new HashMap<>();
        all("/api/v1/cities").forEach(city -> levelsOf.put(city.get("id").asText(), city.get("levels")));
        Set<String> demoStudies = new HashSet<>();
        demo.caseStudySeed().caseStudies().forEach(study -> demoStudies.add(study.id()));
        List<JsonNode> studies = all("/api/v1/case-studies");
        assertThat(studies).hasSize(1000);
        int steps = 0;
        for (JsonNode study : studies) {
            for (JsonNode step : study.get("steps")) {
                MaturityLevel from = MaturityLevel.valueOf(step.get("fromLevel").asText());
                MaturityLevel to = MaturityLevel.valueOf(step.get("toLevel").asText());
                assertThat(from.next()).as(study.get("id").asText()).contains(to);
                if (!demoStudies.contains(study.get("id").asText())) {
                    MaturityLevel city = MaturityLevel.valueOf(
                            levelsOf.get(study.get("cityId").asText()).get(step.get("characteristic").asText()).asText());
                    assertThat(city).as(study.get("id").asText()).isIn(from, to);
                }
                steps++;
            }
        }
        assertThat(steps).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void everyCurationStateIsPresentAndMostArePublished() {
        Map<CaseStudyStatus, Long> byStatus = new HashMap<>();
        for (CaseStudyStatus status : CaseStudyStatus.values()) {
            byStatus.put(status, get("/api/v1/case-studies?size=1&status=" + status).get("total").asLong());
        }
        assertThat(byStatus).allSatisfy((status, count) -> assertThat(count).as(status.name()).isPositive());
        assertThat(byStatus.get(CaseStudyStatus.PUBLISHED)).isGreaterThan(500);
        assertThat(get("/api/v1/case-studies?size=1&status=PUBLISHED").get("total").asLong())
                .isEqualTo(client.get().uri("/api/v1/case-studies?size=1").exchange().expectBody(JsonNode.class)
                        .returnResult().getResponseBody().get("total").asLong());
    }

    @Test
    void citiesHaveRealisticProfilesAndExpertsExpertise() {
        List<JsonNode> cities = all("/api/v1/cities");
        Set<String> languages = new HashSet<>();
        EnumSet<Region> regions = EnumSet.noneOf(Region.class);
        for (JsonNode city : cities) {
            regions.add(Region.valueOf(city.get("region").asText()));
            city.get("languages").forEach(language -> languages.add(language.asText()));
            assertThat(city.get("interests").size()).isBetween(2, 6);
            assertThat(city.get("population").asLong()).isPositive();
        }
        assertThat(regions).containsExactlyInAnyOrder(Region.values());
        assertThat(languages).contains("en", "zh", "zh-CN");
        assertThat(get("/api/v1/cities/amsterdam").get("demo").asBoolean()).isTrue();

        assertThat(get("/api/v1/experts?size=1").get("total").asLong()).as("curators see all").isEqualTo(40);
        JsonNode experts = client.get().uri("/api/v1/experts?size=100").exchange().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(experts.get("total").asLong()).as("most of the 40 approved").isBetween(30L, 39L);
        experts.get("items").forEach(expert -> {
            assertThat(expert.get("expertise").get("characteristics")).isNotEmpty();
            assertThat(expert.get("languages")).isNotEmpty();
        });
    }

    @Test
    void theSameSeedGivesTheSameData() {
        var figure3 = DataGenerator.figure3(demo.pilotSeed());
        var first = new SyntheticData(3, figure3);
        var second = new SyntheticData(3, figure3);
        var cities = first.cities(50, new HashSet<>());
        assertThat(second.cities(50, new HashSet<>())).isEqualTo(cities);
        assertThat(second.caseStudy(17, cities, new HashSet<>())).isEqualTo(first.caseStudy(17, cities, new HashSet<>()));
        assertThat(new SyntheticData(4, figure3).cities(50, new HashSet<>())).isNotEqualTo(cities);
    }
}
