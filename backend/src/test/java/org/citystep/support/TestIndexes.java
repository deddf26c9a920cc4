package org.citystep.support;

import java.util.ArrayList;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Removes the indexes an integration test created under its own prefix. */
public final class TestIndexes {

    private TestIndexes() {
    }

    public static void deleteAll(ElasticsearchAsyncClient elasticsearch, String prefix) {
        if (!prefix.startsWith("citystep-test-")) {
            throw new IllegalArgumentException("Refusing to delete indexes outside a test prefix: " + prefix);
        }
        Mono<Void> deletion = Mono.fromFuture(() -> elasticsearch.indices().get(g -> g.index(prefix + "-*")))
                .flatMap(found -> found.result().isEmpty() ? Mono.empty()
                        : Mono.fromFuture(() -> elasticsearch.indices()
                                .delete(d -> d.index(new ArrayList<>(found.result().keySet())))))
                .then();
        StepVerifier.create(deletion).verifyComplete();
    }

    /** Makes everything indexed under the prefix visible to searches now (Elasticsearch refreshes each second). */
    public static void refresh(ElasticsearchAsyncClient elasticsearch, String prefix) {
        StepVerifier.create(Mono.fromFuture(() -> elasticsearch.indices().refresh(r -> r.index(prefix + "-*")))
                .then()).verifyComplete();
    }
}
