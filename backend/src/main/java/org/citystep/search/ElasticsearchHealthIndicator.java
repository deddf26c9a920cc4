package org.citystep.search;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Health component {@code elasticsearch}, from cluster health (the local build answers 405 to
 * {@code GET /}, so the client's ping cannot be used). Yellow is UP: a single node has no replicas.
 * Its details also say how many writes wait in the {@link SearchOutbox}.
 */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ElasticsearchAsyncClient client;
    private final SearchOutbox outbox;

    ElasticsearchHealthIndicator(ElasticsearchAsyncClient client, SearchOutbox outbox) {
        super("Elasticsearch health check failed");
        this.client = client;
        this.outbox = outbox;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        // how many writes the catch-up still has to bring to search: it grows during an outage
        return outbox.size().onErrorReturn(-1L)
                .doOnNext(waiting -> builder.withDetail("writesWaitingForSearch", waiting))
                .then(cluster(builder));
    }

    private Mono<Health> cluster(Health.Builder builder) {
        return Mono.fromFuture(() -> client.cluster().health(h -> h))
                .publishOn(Schedulers.parallel())
                .map(health -> (health.status() == HealthStatus.Red ? builder.down() : builder.up())
                        .withDetail("cluster", health.clusterName())
                        .withDetail("status", health.status().jsonValue())
                        .withDetail("nodes", health.numberOfNodes())
                        .build())
                // an outage is a DOWN status, not an error worth a stack trace on every probe
                .onErrorResume(failure -> Mono.just(builder.down()
                        .withDetail("error", failure.getClass().getSimpleName() + ": " + failure.getMessage())
                        .build()));
    }
}
