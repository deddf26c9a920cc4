package org.citystep.search;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every few seconds, while Elasticsearch answers, asks each feature to index what its writes left
 * pending (Elasticsearch was down, slow, or the app stopped in between). So nothing written is lost
 * to search, and no write depends on the second store succeeding.
 */
@Component
class SearchCatchUpWorker {

    private static final Logger log = LoggerFactory.getLogger(SearchCatchUpWorker.class);

    private final SearchIndexes indexes;
    private final List<SearchCatchUp> features;
    private final Duration interval;
    private Disposable running = Flux.<Long>empty().subscribe();

    SearchCatchUpWorker(SearchIndexes indexes, List<SearchCatchUp> features,
            @Value("${citystep.elasticsearch.catch-up-interval:10s}") Duration interval) {
        this.indexes = indexes;
        this.features = features;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> round().onErrorResume(failure -> Mono.just(0L)))
                .filter(caughtUp -> caughtUp > 0)
                .subscribe(caughtUp -> log.info("Search caught up with {} documents written meanwhile", caughtUp));
    }

    /** One round: nothing while Elasticsearch is unreachable (no point trying every document). */
    Mono<Long> round() {
        return indexes.reachable()
                .then(indexes.ensured())
                .then(Flux.fromIterable(features).concatMap(SearchCatchUp::catchUp).reduce(0L, Long::sum));
    }

    @PreDestroy
    void stop() {
        running.dispose();
    }
}
