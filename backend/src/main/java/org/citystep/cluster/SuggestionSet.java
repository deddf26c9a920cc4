package org.citystep.cluster;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which generation of stored suggestions is current: one small document, {@link #CURRENT}, replaced
 * in one single-document write once every suggestion of a new generation is stored. Readers read it
 * first and then only suggestions of its generation, so they see the old set or the new one, never
 * a mix and never an empty set in between.
 *
 * @param generation         the current generation: its suggestions are {@link StoredSuggestion}s
 *                           keyed {@code <generation>:<rank>}
 * @param suggestionIds      the suggestions' ids in rank order (accepting one finds its rank here)
 * @param modularity         how clearly the interest graph splits into communities
 * @param cities             how many cities were considered
 * @param edges              how many similarity links the graph had
 * @param previousGeneration the generation this one replaced, kept a while for readers that are
 *                           still paging through it; removed when the next generation comes
 */
@Document("cluster_suggestion_sets")
record SuggestionSet(@Id String id, String generation, Instant computedAt, double modularity, int cities, int edges,
        List<String> suggestionIds, @Nullable String previousGeneration, int previousTotal) {

    static final String CURRENT = "current";

    int total() {
        return suggestionIds.size();
    }
}
