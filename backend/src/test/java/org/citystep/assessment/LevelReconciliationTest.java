package org.citystep.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.city.CityProfile;
import org.citystep.city.CityService;
import org.citystep.city.Region;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.support.WithoutElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import reactor.test.StepVerifier;

/**
 * Validation and the city's levels are two writes; when the second one did not happen, the
 * reconciler completes it, once, and never puts an older round over a newer one.
 */
@WithoutElasticsearch
class LevelReconciliationTest {

    @Autowired
    CityService cities;

    @Autowired
    AssessmentService service;

    @Autowired
    Assessments assessments;

    private static AssessmentRecord validated(int round, MaturityLevel funding) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return AssessmentRecord.draft(round, List.of(new Answer(Characteristic.FUNDING, Set.of(), Map.of(), List.of())), now)
                .validated(Map.of(Characteristic.FUNDING, funding), LocalDate.of(2026, 1, round), "expert", null, now);
    }

    @Test
    void aValidationWhoseLevelsNeverReachedTheCityIsCompleted() {
        StepVerifier.create(cities.createDemo("rc-tallinn", CityProfile.of(Map.of("en", "Tallinn"), "EE", Region.EU, null)))
                .expectNextCount(1).verifyComplete();
        CityAssessments pending = CityAssessments.of("rc-tallinn");
        pending.adopt(validated(1, MaturityLevel.AVERAGE));
        StepVerifier.create(assessments.save(pending)).expectNextCount(1).verifyComplete();
        StepVerifier.create(cities.get("rc-tallinn"))
                .assertNext(city -> assertThat(city.levels().get(Characteristic.FUNDING)).isEqualTo(MaturityLevel.NOT_ASSESSED))
                .verifyComplete();

        StepVerifier.create(service.reconcileLevels()).assertNext(done -> assertThat(done).isPositive()).verifyComplete();

        StepVerifier.create(cities.get("rc-tallinn"))
                .assertNext(city -> {
                    assertThat(city.levels().get(Characteristic.FUNDING)).isEqualTo(MaturityLevel.AVERAGE);
                    assertThat(city.assessmentRound()).isEqualTo(1);
                })
                .verifyComplete();
        StepVerifier.create(assessments.findById("rc-tallinn"))
                .assertNext(all -> assertThat(all.current().levelsAdopted()).isTrue())
                .verifyComplete();
    }

    @Test
    void anOlderRoundNeverReplacesNewerLevels() {
        StepVerifier.create(cities.createDemo("rc-vilnius", CityProfile.of(Map.of("en", "Vilnius"), "LT", Region.EU, null))
                        .then(cities.adoptAssessedLevels("rc-vilnius", Map.of(Characteristic.FUNDING, MaturityLevel.MORE_ADVANCED),
                                LocalDate.of(2026, 2, 1), 2))
                        .then(cities.adoptAssessedLevels("rc-vilnius", Map.of(Characteristic.FUNDING, MaturityLevel.BASIC),
                                LocalDate.of(2026, 1, 1), 1))
                        .then(cities.get("rc-vilnius")))
                .assertNext(city -> {
                    assertThat(city.levels().get(Characteristic.FUNDING)).isEqualTo(MaturityLevel.MORE_ADVANCED);
                    assertThat(city.assessmentRound()).isEqualTo(2);
                })
                .verifyComplete();
    }
}
