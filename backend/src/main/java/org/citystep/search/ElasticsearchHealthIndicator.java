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
 */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ElasticsearchAsyncClient client;

    ElasticsearchHealthIndicator(ElasticsearchAsyncClient client) {
        super("Elasticsearch health check failed");
        this.client = client;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
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
