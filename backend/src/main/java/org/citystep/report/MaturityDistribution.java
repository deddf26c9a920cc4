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
@io.swagger.v3.oas.annotations.media.Schema(example = "{\"groupBy\": \"region\", \"characteristics\": [{"
        + "\"characteristic\": \"STRATEGY\", \"groups\": [{\"group\": \"CHINA\", \"total\": 15, \"counts\": "
        + "{\"NOT_YET_ADDRESSED\": 0, \"BASIC\": 1, \"AVERAGE\": 4, \"MORE_ADVANCED\": 10, \"STATE_OF_THE_ART\": 0, "
        + "\"NOT_ASSESSED\": 0}, \"percentages\": {\"NOT_YET_ADDRESSED\": 0.0, \"BASIC\": 6.7, \"AVERAGE\": 26.7, "
        + "\"MORE_ADVANCED\": 66.6, \"STATE_OF_THE_ART\": 0.0, \"NOT_ASSESSED\": 0.0}}]}]}")
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
