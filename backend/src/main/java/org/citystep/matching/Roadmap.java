package org.citystep.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.citystep.exchange.ExchangeCounts;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A city's staircase: for each rated characteristic where it stands and its next step.
 *
 * @param assessedAt when the levels were validated; absent before the first validated self-assessment
 * @param median     the median level rank (0–4) of the assessed characteristics, which balance is measured against
 * @param peers      whether peers and experts could be looked up: {@code UNAVAILABLE} while search is down,
 *                   when the steps carry levels and missing criteria only
 */
@Schema(name = "Roadmap")
public record Roadmap(String cityId, @Nullable LocalDate assessedAt, @Nullable Double median, List<Step> steps,
        PeerLookup peers) {

    public enum PeerLookup {
        AVAILABLE, UNAVAILABLE
    }

    /**
     * @param nextLevel       absent at State of the Art and when not assessed
     * @param missingCriteria the Annex 2 criteria of {@code nextLevel} the city does not meet yet
     * @param balance         absent when not assessed
     * @param matches         the top three peers
     * @param experts         experts for this step who share a language with the city
     * @param exchanges       the city's knowledge exchanges about this characteristic: completed and open
     */
    @Schema(name = "RoadmapStep")
    public record Step(Characteristic characteristic, MaturityLevel level, @Nullable MaturityLevel nextLevel,
            List<MissingCriterion> missingCriteria, @Nullable Balance balance, boolean assessmentNeeded,
            List<PeerMatch> matches, List<PeerMatch.ExpertRef> experts, ExchangeCounts exchanges) {
    }

    /** @param text per language */
    public record MissingCriterion(String code, Map<String, String> text) {
    }
}
