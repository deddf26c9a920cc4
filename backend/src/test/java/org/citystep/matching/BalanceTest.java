package org.citystep.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.citystep.reference.MaturityLevel;
import org.junit.jupiter.api.Test;

/** "No isolated advances": two levels from the median is the boundary, on either side. */
class BalanceTest {

    @Test
    void twoAboveTheMedianIsAnIsolatedAdvanceOneIsNot() {
        assertThat(Balance.of(MaturityLevel.STATE_OF_THE_ART, 2.0)).isEqualTo(Balance.ISOLATED_ADVANCE);
        assertThat(Balance.of(MaturityLevel.MORE_ADVANCED, 2.0)).isEqualTo(Balance.BALANCED);
        assertThat(Balance.of(MaturityLevel.STATE_OF_THE_ART, 2.5)).isEqualTo(Balance.BALANCED);
    }

    @Test
    void twoBelowTheMedianIsLaggingOneIsNot() {
        assertThat(Balance.of(MaturityLevel.NOT_YET_ADDRESSED, 2.0)).isEqualTo(Balance.LAGGING);
        assertThat(Balance.of(MaturityLevel.BASIC, 2.0)).isEqualTo(Balance.BALANCED);
        assertThat(Balance.of(MaturityLevel.BASIC, 3.0)).isEqualTo(Balance.LAGGING);
        assertThat(Balance.of(MaturityLevel.BASIC, 2.5)).isEqualTo(Balance.BALANCED);
    }

    @Test
    void medianOfTheAssessedLevelsOnly() {
        assertThat(Balance.median(List.of(MaturityLevel.BASIC, MaturityLevel.AVERAGE, MaturityLevel.STATE_OF_THE_ART,
                MaturityLevel.NOT_ASSESSED))).isEqualTo(2.0);
        assertThat(Balance.median(List.of(MaturityLevel.BASIC, MaturityLevel.AVERAGE))).isEqualTo(1.5);
        assertThat(Balance.median(List.of(MaturityLevel.NOT_ASSESSED))).isNull();
    }
}
