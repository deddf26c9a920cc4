package org.citystep.matching;

import org.citystep.shared.explain.Reason;
import java.util.List;
import java.util.Map;

import org.citystep.casestudy.CaseStudyContent;
import org.citystep.city.Region;
import org.citystep.reference.MaturityLevel;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A peer city to learn from for one step, with why it was chosen.
 *
 * @param name        the peer's name per language
 * @param level       the peer's level in the characteristic asked about
 * @param relation    one level ahead, or at the same level for a city at State of the Art
 * @param score       0 to 1, the weighted sum of {@code factors}
 * @param reasons     plain sentences in English and Chinese, from the factors that drove the score
 * @param caseStudies published case studies of the peer showing the step (best practice first), then its
 *                    project most like the city's own
 * @param experts     experts for the step, those who also share a language with the peer first
 */
@Schema(name = "PeerMatch")
public record PeerMatch(String cityId, Map<String, String> name, String country, Region region, MaturityLevel level,
        Relation relation, double score, MatchFactors factors, List<Reason> reasons, List<CaseStudyRef> caseStudies,
        List<ExpertRef> experts) {

    public enum Relation {
        ONE_STEP_AHEAD, SAME_LEVEL
    }

    /**
     * @param step the step in the characteristic asked about that the case study demonstrates; absent
     *             for a case study listed because its project is like the city's own
     */
    @Schema(name = "MatchCaseStudy")
    public record CaseStudyRef(String id, Map<String, String> title, CaseStudyContent.@Nullable Step step,
            boolean bestPractice) {
    }

    @Schema(name = "MatchExpert")
    public record ExpertRef(String id, String name, List<String> languages, String country) {
    }
}
