package org.citystep.cluster;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A page of cluster suggestions and how they were computed.
 *
 * @param computedAt when the suggestions were last computed (they are recomputed when cities or case
 *                   studies change)
 * @param modularity how clearly the cities' interest graph splits into groups, −0.5 to 1
 * @param cities     how many cities were considered
 */
@Schema(name = "ClusterSuggestions")
public record SuggestionPage(Instant computedAt, double modularity, int cities, List<Item> items, int page, int size,
        long total) {

    /** @param existingClusterId an open cluster that already brings most of these cities together */
    @Schema(name = "ClusterSuggestionItem")
    public record Item(@Schema(implementation = ClusterSuggestion.class) ClusterSuggestion suggestion,
            @Nullable String existingClusterId) {
    }
}
