package org.citystep.search;

import java.io.IOException;

import org.citystep.shared.problem.BackingServiceUnavailableException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;

/** Connection failures, answers that did not come in time and cluster-side 5xx answers mean "search is unavailable" (503), not a bug. */
final class ElasticsearchFailures {

    private ElasticsearchFailures() {
    }

    static Throwable translate(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof IOException || cause instanceof java.util.concurrent.TimeoutException
                || (cause instanceof ElasticsearchException es && es.status() >= 500)) {
            return new BackingServiceUnavailableException("Elasticsearch", cause);
        }
        return cause;
    }
}
