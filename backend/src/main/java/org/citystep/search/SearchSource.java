package org.citystep.search;

import java.time.Instant;
import java.util.Collection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where a feature's index gets its documents from MongoDB: all of them (to fill a new index), those
 * changed since a moment (to catch up after a rebuild), or some by id (what the outbox names).
 * Streams, never whole collections.
 */
public interface SearchSource {

    /** The short index name, as in the feature's {@link SearchIndexDefinition}. */
    String indexName();

    Mono<Long> count();

    Flux<SearchIndexer.Indexable> all();

    Flux<SearchIndexer.Indexable> changedSince(Instant since);

    /** The documents with these ids, as they are now; ids of documents that no longer exist are left out. */
    Flux<SearchIndexer.Indexable> byIds(Collection<String> ids);
}
