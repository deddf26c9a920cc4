package org.citystep.matching;

import java.util.List;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The peers of a city for one characteristic.
 *
 * @param level                the city's level
 * @param targetLevel          the level of every peer: one above {@code level}, or {@code level} itself at State of
 *                             the Art ({@code sameLevel})
 * @param projectSimilarity    whether the similar-projects factor could be computed: not without case studies of
 *                             the city's own to compare, nor while Elasticsearch is unreachable
 * @param candidatesConsidered how many cities at the target level were ranked
 * @param experts              approved experts in the characteristic who share a language with the city
 */
@Schema(name = "Matches")
public record StepMatches(String cityId, Characteristic characteristic, MaturityLevel level, MaturityLevel targetLevel,
        boolean sameLevel, ProjectSimilarity projectSimilarity, int candidatesConsidered, List<PeerMatch> matches,
        List<PeerMatch.ExpertRef> experts) {

    public enum ProjectSimilarity {
        AVAILABLE, NO_OWN_CASE_STUDIES, UNAVAILABLE
    }
}
