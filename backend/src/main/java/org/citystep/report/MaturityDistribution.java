package org.citystep.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;

/**
 * How many cities of each group are at each level, per characteristic (the white paper's Figure 3).
 *
 * @param groupBy what the groups are: {@code region} or {@code country}
 */
public record MaturityDistribution(String groupBy, List<CharacteristicDistribution> characteristics) {

    public record CharacteristicDistribution(Characteristic characteristic, List<Group> groups) {
    }

    /**
     * @param counts      every level, zero included
     * @param percentages of {@code total}, one decimal place, adding up to exactly 100
     */
    public record Group(String group, long total, Map<MaturityLevel, Long> counts,
            Map<MaturityLevel, BigDecimal> percentages) {
    }
}
