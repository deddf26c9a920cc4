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
                // the app may drop one itself between the listing and the deletion (a rebuild finishing):
                // list again and delete what is left
                .retry(5)
                .then();
        StepVerifier.create(deletion).verifyComplete();
    }

    /** As {@link #deleteAll}, for tests without a client of their own (the app runs as a process). */
    public static void deleteAllOverHttp(String prefix) throws java.io.IOException, InterruptedException {
        if (!prefix.startsWith("citystep-test-")) {
            throw new IllegalArgumentException("Refusing to delete indexes outside a test prefix: " + prefix);
        }
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + System.getenv().getOrDefault("ES_PORT", "9200") + "/" + prefix + "-*"))
                        .DELETE().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    /** Makes everything indexed under the prefix visible to searches now (Elasticsearch refreshes each second). */
    public static void refresh(ElasticsearchAsyncClient elasticsearch, String prefix) {
        StepVerifier.create(Mono.fromFuture(() -> elasticsearch.indices().refresh(r -> r.index(prefix + "-*")))
                .then()).verifyComplete();
    }
}
