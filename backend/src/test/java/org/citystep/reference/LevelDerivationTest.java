package org.citystep.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** A level is reached only when its criteria and those of every level below are all met. */
class LevelDerivationTest {

    private final ReferenceDataService reference = new ReferenceDataService(JsonMapper.builder().build());

    private Set<String> criteriaUpTo(Characteristic characteristic, MaturityLevel level) {
        return reference.characteristic(characteristic).criteria().stream()
                .filter(c -> c.level().rank() <= level.rank())
                .map(ReferenceData.Criterion::code).collect(Collectors.toCollection(HashSet::new));
    }

    @Test
    void nothingMetIsNotYetAddressed() {
        assertThat(reference.derivedLevel(Characteristic.FUNDING, Set.of())).isEqualTo(MaturityLevel.NOT_YET_ADDRESSED);
    }

    @Test
    void everyCriterionUpToALevelReachesIt() {
        for (Characteristic characteristic : Characteristic.ratedOnes()) {
            for (MaturityLevel level : MaturityLevel.withCriteria()) {
                assertThat(reference.derivedLevel(characteristic, criteriaUpTo(characteristic, level)))
                        .as("%s with all criteria up to %s", characteristic, level).isEqualTo(level);
            }
        }
    }

    @Test
    void oneMissingLowerCriterionHoldsTheLevelBackWhateverIsMetAbove() {
        Set<String> all = criteriaUpTo(Characteristic.STRATEGY, MaturityLevel.STATE_OF_THE_ART);
        all.remove("STRATEGY.BASIC.1");

        assertThat(reference.derivedLevel(Characteristic.STRATEGY, all)).isEqualTo(MaturityLevel.NOT_YET_ADDRESSED);
    }

    @Test
    void partOfTheNextLevelDoesNotRaiseTheLevel() {
        Set<String> met = criteriaUpTo(Characteristic.ICT_INFRASTRUCTURE, MaturityLevel.AVERAGE);
        met.add(reference.criteria(Characteristic.ICT_INFRASTRUCTURE, MaturityLevel.MORE_ADVANCED).get(0).code());

        assertThat(reference.derivedLevel(Characteristic.ICT_INFRASTRUCTURE, met)).isEqualTo(MaturityLevel.AVERAGE);
    }

    @Test
    void referenceDataCoversTheFrameworkInBothLanguages() {
        assertThat(reference.data().characteristics()).hasSize(9);
        assertThat(reference.criterion("FUNDING.AVERAGE.1")).isPresent();
        assertThat(reference.characteristic(Characteristic.LEGAL_REGULATORY).criteria()).isEmpty();
        assertThat(reference.characteristic(Characteristic.LEGAL_REGULATORY).questions()).isNotEmpty();
        assertThat(reference.data().serviceDomains()).hasSize(16);
        assertThat(reference.data().characteristics()).allSatisfy(c -> {
            assertThat(c.name()).containsKeys("en", "zh");
            assertThat(c.criteria()).allSatisfy(criterion -> assertThat(criterion.text().get("zh")).isNotBlank());
            assertThat(c.questions()).allSatisfy(q -> assertThat(q.text().get("zh")).isNotBlank());
        });
    }
}
