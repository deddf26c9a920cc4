package org.citystep.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxCandidates cities at the target level ranked per request; beyond it the first ones by id
 *                      are taken (the response says how many were considered)
 * @param expertsPerStep experts suggested for one step
 */
@ConfigurationProperties("citystep.matching")
public record MatchingProperties(@DefaultValue("5000") int maxCandidates, @DefaultValue("10") int expertsPerStep) {
}
