package org.citystep.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param suggestionDebounce  after a change that affects the suggestions (a city's interests, a
 *                            published case study), wait this long for more changes, then recompute
 *                            once: at most one recomputation per this time
 * @param similarityThreshold interest similarity (0–1) two cities need to be linked
 * @param neighbours          links kept per city: its most similar ones
 * @param minimumSize         the fewest cities a suggestion has
 */
@ConfigurationProperties("citystep.clusters")
public record ClusterProperties(@DefaultValue("30s") Duration suggestionDebounce,
        @DefaultValue("0.34") double similarityThreshold, @DefaultValue("6") int neighbours,
        @DefaultValue("3") int minimumSize) {
}
