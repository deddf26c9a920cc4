package org.citystep.cluster;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The latest computed cluster suggestions, one document, replaced whole on each recomputation.
 *
 * @param dataMark   what the cities and case studies looked like when computed (see the refresher)
 * @param modularity how clearly the interest graph splits into communities
 * @param cities     how many cities were considered
 * @param edges      how many similarity links the graph had
 */
@Document("cluster_suggestions")
record SuggestionSnapshot(@Id String id, String dataMark, Instant computedAt, double modularity, int cities, int edges,
        List<ClusterSuggestion> suggestions) {

    static final String LATEST = "latest";
}
