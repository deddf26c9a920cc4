package org.citystep.matching;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxCandidates cities at the target level ranked per request: the most alike ones, with those
 *                      that published case studies of the step pulled forward (the response says how
 *                      many were considered)
 * @param expertsPerStep experts suggested for one step
 * @param projectSimilarityTimeout how long the Elasticsearch part of the ranking may take before
 *                      it is left out and reported unavailable
 * @param cacheTtl      how long found peers are kept per city (its own changes show at once, other
 *                      cities' within this time); 0 computes them on every request
 */
@ConfigurationProperties("citystep.matching")
public record MatchingProperties(@DefaultValue("200") int maxCandidates, @DefaultValue("10") int expertsPerStep,
        @DefaultValue("3s") Duration projectSimilarityTimeout, @DefaultValue("2m") Duration cacheTtl) {
}
