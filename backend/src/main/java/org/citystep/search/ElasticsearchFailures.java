package org.citystep.search;

import java.io.IOException;

import org.citystep.shared.problem.BackingServiceUnavailableException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/**
 * Connection failures, answers that did not come in time, cluster-side 5xx answers and 429 (a full
 * search queue, a tripped circuit breaker: Elasticsearch is overloaded) mean "search is unavailable
 * for a moment" (503 with Retry-After), not a bug.
 */
final class ElasticsearchFailures {

    private ElasticsearchFailures() {
    }

    static Throwable translate(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof IOException || cause instanceof java.util.concurrent.TimeoutException
                || (cause instanceof ElasticsearchException es && (es.status() >= 500 || es.status() == 429))) {
            return new BackingServiceUnavailableException("Elasticsearch", cause);
        }
        return cause;
    }
}
