package org.citystep.search;

import reactor.core.publisher.Mono;

/**
 * A feature's share of keeping the read model complete: index (or remove) every document whose
 * latest write has not reached Elasticsearch yet. Called by the catch-up worker.
 */
public interface SearchCatchUp {

    /** Works off pending documents, at most a bounded batch per call; emits how many now are in step. */
    Mono<Long> catchUp();
}
