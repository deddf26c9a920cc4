package org.citystep.cluster;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A page of cluster suggestions and how they were computed.
 *
 * @param computedAt when the suggestions were last computed (they are recomputed when cities' interests
 *                   or published case studies change); absent until first computed
 * @param modularity how clearly the cities' interest graph splits into groups, −0.5 to 1
 * @param cities     how many cities were considered
 */
@Schema(name = "ClusterSuggestions")
public record SuggestionPage(@Nullable Instant computedAt, double modularity, int cities, List<Item> items, int page, int size,
        long total) {

    /**
     * @param existingClusterId an open cluster that already brings most of these cities together, if the
     *                          caller may see it (a proposed one: curators and the cities it names)
     */
    @Schema(name = "ClusterSuggestionItem")
    public record Item(@Schema(implementation = ClusterSuggestion.class) ClusterSuggestion suggestion,
            @Nullable String existingClusterId) {
    }
}
