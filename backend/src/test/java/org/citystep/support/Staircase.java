package org.citystep.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.citystep.assessment.Answer;
import org.citystep.assessment.AssessmentService;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceData;
import org.citystep.reference.ReferenceDataService;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

/** Cities with levels, and case studies showing steps, for tests of the staircase. */
public final class Staircase {

    private Staircase() {
    }

    /** A city profile body with what matching compares. */
    public static Map<String, Object> city(String id, String country, String region, long population,
            String administrativeLevel, List<String> interests, List<String> languages) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", Map.of("en", "City " + id, "zh", id + "市"));
        body.put("country", country);
        body.put("region", region);
        body.put("population", population);
        body.put("administrativeLevel", administrativeLevel);
        body.put("interests", interests);
        body.put("languages", languages);
        return body;
    }

    public static void createCity(WebTestClient client, Map<String, Object> body) {
        client.mutateWith(Users.curator()).post().uri("/api/v1/cities").bodyValue(body).exchange()
                .expectStatus().isCreated();
    }

    /**
     * Records a validated self-assessment meeting exactly the criteria up to each given level; a
     * characteristic left out stays not assessed.
     */
    public static void assess(AssessmentService assessments, ReferenceDataService reference, String cityId,
            Map<Characteristic, MaturityLevel> levels) {
        List<Answer> answers = new ArrayList<>();
        levels.forEach((characteristic, level) -> answers.add(new Answer(characteristic,
                criteriaUpTo(reference, characteristic, level), Map.of(), List.of())));
        StepVerifier.create(assessments.seedValidated(cityId, answers, LocalDate.of(2026, 11, 1), "test"))
                .expectNextCount(1).verifyComplete();
    }

    public static Set<String> criteriaUpTo(ReferenceDataService reference, Characteristic characteristic,
            MaturityLevel level) {
        return reference.characteristic(characteristic).criteria().stream()
                .filter(criterion -> criterion.level().rank() <= level.rank())
                .map(ReferenceData.Criterion::code).collect(Collectors.toSet());
    }

    /** Every rated characteristic at {@code everywhere}, except those in {@code except}. */
    public static Map<Characteristic, MaturityLevel> levels(MaturityLevel everywhere,
            Map<Characteristic, MaturityLevel> except) {
        Map<Characteristic, MaturityLevel> levels = new HashMap<>();
        Characteristic.ratedOnes().forEach(c -> levels.put(c, everywhere));
        levels.putAll(except);
        return levels;
    }

    /** A case study of {@code cityId} showing one step, drafted, submitted and published by a curator. */
    public static void publishCaseStudy(WebTestClient client, String id, String cityId, Map<String, String> title,
            Characteristic characteristic, MaturityLevel from, MaturityLevel to, boolean bestPractice) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("cityId", cityId);
        body.put("title", title);
        body.put("summary", Map.of("en", title.get("en") + ", in practice."));
        body.put("serviceDomains", List.of("TRANSPORTATION"));
        body.put("steps", List.of(Map.of("characteristic", characteristic.name(), "fromLevel", from.name(),
                "toLevel", to.name())));
        body.put("stage", "SCALING");
        body.put("flags", Map.of("scalable", true, "cloud", false, "integratedOffering", false, "openApi", false,
                "iot", false));
        var curator = Users.curator();
        client.mutateWith(curator).post().uri("/api/v1/case-studies").bodyValue(body).exchange()
                .expectStatus().isCreated();
        String path = "/api/v1/case-studies/" + id;
        client.mutateWith(curator).post().uri(path + "/submit").bodyValue(Map.of("version", Fixtures.version(client, path)))
                .exchange().expectStatus().isOk();
        client.mutateWith(curator).post().uri(path + "/review")
                .bodyValue(Map.of("version", Fixtures.version(client, path), "decision", "PUBLISH")).exchange()
                .expectStatus().isOk();
        if (bestPractice) {
            client.mutateWith(curator).post().uri(path + "/best-practice")
                    .bodyValue(Map.of("version", Fixtures.version(client, path), "bestPractice", true)).exchange()
                    .expectStatus().isOk();
        }
    }

    /** An approved expert with expertise in {@code characteristic}, working in {@code languages}. */
    public static void approvedExpert(WebTestClient client, String id, String country, String region,
            Characteristic characteristic, List<String> languages) {
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts")
                .bodyValue(Map.of("id", id, "name", "Expert " + id, "country", country, "region", region,
                        "languages", languages, "expertise", Map.of("characteristics", List.of(characteristic.name())),
                        "availability", "AVAILABLE"))
                .exchange().expectStatus().isCreated();
        client.mutateWith(Users.curator()).post().uri("/api/v1/experts/{id}/approve", id)
                .bodyValue(Map.of("version", 0)).exchange().expectStatus().isOk();
    }
}
