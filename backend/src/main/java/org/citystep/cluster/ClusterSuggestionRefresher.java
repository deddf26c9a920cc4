package org.citystep.cluster;

import java.time.Duration;

import org.citystep.demo.DemoDataLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every little while, looks whether cities or case studies changed (their count and latest change
 * time, two indexed reads) and if so recomputes the cluster suggestions. Requests never compute
 * them; with several replicas each notices the change and the last write wins with the same result.
 */
@Component
class ClusterSuggestionRefresher {

    private static final Logger log = LoggerFactory.getLogger(ClusterSuggestionRefresher.class);

    private final ClusterSuggestionService suggestions;
    private final Duration interval;
    private Disposable running = Flux.<Long>empty().subscribe();

    ClusterSuggestionRefresher(ClusterSuggestionService suggestions, ClusterProperties properties) {
        this.suggestions = suggestions;
        this.interval = properties.suggestionCheckInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> suggestions.refreshIfChanged().onErrorResume(failure -> {
                    log.warn("Cluster suggestions not refreshed: {}", failure.toString());
                    return Mono.just(false);
                }))
                .subscribe();
    }

    /** The demo data arrives after start-up: suggest clusters from it now, not at the next check. */
    @EventListener(DemoDataLoaded.class)
    void demoDataLoaded() {
        suggestions.refreshIfChanged()
                .subscribe(refreshed -> { }, failure -> log.warn("Cluster suggestions not refreshed: {}", failure.toString()));
    }

    @PreDestroy
    void stop() {
        running.dispose();
    }
}
