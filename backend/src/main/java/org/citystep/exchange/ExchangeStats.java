package org.citystep.exchange;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Exchanges in numbers, for curators: how many per step, format and state, how long peers take to
 * answer (hours from the request to the first answer, over the latest answers), and how useful
 * completed exchanges were.
 */
@Schema(name = "ExchangeStats")
public record ExchangeStats(List<StepCount> byStep, Map<ExchangeFormat, Long> byFormat,
        Map<ExchangeState, Long> byState, ResponseTimes responseTimeHours, Map<String, Long> usefulness) {

    @Schema(name = "ExchangeStepCount")
    public record StepCount(ExchangeStep step, long count) {
    }

    /** Absent figures: no answer yet. */
    @Schema(name = "ExchangeResponseTimes")
    public record ResponseTimes(@Nullable Double p50, @Nullable Double p90, int answers) {
    }
}
