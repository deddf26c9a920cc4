package org.citystep.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.citystep.reference.MaturityLevel;
import org.junit.jupiter.api.Test;

class MediansTest {

    @Test
    void medianOfCountsIsTheMiddleCityUpTheStaircase() {
        // 1 basic, 1 average, 3 more advanced: the third of five is more advanced
        assertThat(Medians.ofCounts(Map.of(MaturityLevel.BASIC, 1L, MaturityLevel.AVERAGE, 1L,
                MaturityLevel.MORE_ADVANCED, 3L))).isEqualTo(3.0);
    }

    @Test
    void evenCountsAverageTheTwoMiddleCities() {
        assertThat(Medians.ofCounts(Map.of(MaturityLevel.BASIC, 2L, MaturityLevel.STATE_OF_THE_ART, 2L)))
                .isEqualTo(2.5);
    }

    @Test
    void notAssessedCitiesAreLeftOutAndNoneAssessedHasNoMedian() {
        assertThat(Medians.ofCounts(Map.of(MaturityLevel.NOT_ASSESSED, 10L, MaturityLevel.NOT_YET_ADDRESSED, 1L)))
                .isEqualTo(0.0);
        assertThat(Medians.ofCounts(Map.of(MaturityLevel.NOT_ASSESSED, 10L))).isNull();
        assertThat(Medians.ofLevels(List.of(MaturityLevel.NOT_ASSESSED))).isNull();
        assertThat(Medians.ofLevels(List.of(MaturityLevel.BASIC, MaturityLevel.NOT_ASSESSED, MaturityLevel.AVERAGE)))
                .isEqualTo(1.5);
    }

    @Test
    void medianOfKpiValues() {
        assertThat(Medians.ofValues(List.of(12.0, 3.0, 7.0))).isEqualTo(7.0);
        assertThat(Medians.ofValues(List.of(12.0, 3.0))).isEqualTo(7.5);
        assertThat(Medians.ofValues(List.of())).isNull();
    }
}
