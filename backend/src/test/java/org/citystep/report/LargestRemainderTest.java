package org.citystep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LargestRemainderTest {

    private static Map<String, Long> counts(long... values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            counts.put("L" + i, values[i]);
        }
        return counts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,4,10,0", "1,0,4,8,1,1", "3,1,4,1,6", "1,1,1", "0,0,15", "2,13", "7,1,1,1,1,1,1,1,1"})
    void percentagesAlwaysAddUpToExactlyOneHundred(String csv) {
        long[] values = java.util.Arrays.stream(csv.split(",")).mapToLong(Long::parseLong).toArray();
        Map<String, BigDecimal> percentages = LargestRemainder.percentages(counts(values));

        assertThat(percentages.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.0");
        assertThat(percentages.values()).allSatisfy(p -> assertThat(p.scale()).isEqualTo(1));
    }

    @Test
    void roundsEachShareToItsNearestTenthWhereTheTotalAllows() {
        Map<String, BigDecimal> percentages = LargestRemainder.percentages(counts(1, 4, 10));

        // exact shares 6.67, 26.67, 66.67: the two spare tenths go to the first two equal remainders
        assertThat(percentages).containsExactly(Map.entry("L0", new BigDecimal("6.7")),
                Map.entry("L1", new BigDecimal("26.7")), Map.entry("L2", new BigDecimal("66.6")));
    }

    @Test
    void givesTheSpareTenthToTheLargestRemainder() {
        // 2/7 = 28.571 and 5/7 = 71.428 round down to 99.9 together; the spare tenth goes to the larger remainder
        assertThat(LargestRemainder.percentages(counts(2, 5))).containsExactly(
                Map.entry("L0", new BigDecimal("28.6")), Map.entry("L1", new BigDecimal("71.4")));
    }

    @Test
    void anEmptyGroupIsAllZeroes() {
        assertThat(LargestRemainder.percentages(counts(0, 0))).containsOnly(
                Map.entry("L0", new BigDecimal("0.0")), Map.entry("L1", new BigDecimal("0.0")));
    }
}
