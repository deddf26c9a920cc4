package org.citystep.search;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where a feature's index gets its documents from MongoDB: all of them (to fill a new index) or
 * those changed since a moment (to catch up after a rebuild). Streams, never whole collections.
 */
public interface SearchSource {

    /** The short index name, as in the feature's {@link SearchIndexDefinition}. */
    String indexName();

    Mono<Long> count();

    Flux<SearchIndexer.Indexable> all();

    Flux<SearchIndexer.Indexable> changedSince(Instant since);
}
