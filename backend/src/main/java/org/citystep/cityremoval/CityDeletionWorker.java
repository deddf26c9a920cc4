package org.citystep.cityremoval;

import java.time.Duration;

import org.citystep.city.CityService;
import org.citystep.shared.mongo.Leases;
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
 * Finishes deletions that stopped halfway (the app stopped, or a store failed): at start-up and then
 * every {@code citystep.cities.deletion-interval}, removes what remains of every city still marked
 * as being deleted. With several app instances, the one holding the lease does it.
 */
@Component
class CityDeletionWorker {

    private static final Logger log = LoggerFactory.getLogger(CityDeletionWorker.class);
    private static final String LEASE = "city-deletions";

    private final CityService cities;
    private final CityRemovalService removal;
    private final Leases leases;
    private final Duration interval;
    private Disposable running = Flux.<Long>empty().subscribe();

    CityDeletionWorker(CityService cities, CityRemovalService removal, Leases leases,
            @Value("${citystep.cities.deletion-interval:1m}") Duration interval) {
        this.cities = cities;
        this.removal = removal;
        this.leases = leases;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> finishPending().onErrorResume(failure -> {
                    log.warn("Finishing city deletions failed, next try in {}: {}", interval, failure.toString());
                    return Mono.just(0L);
                }))
                .filter(finished -> finished > 0)
                .subscribe(finished -> log.info("Finished deleting {} cities", finished));
    }

    /** Runs the removal of every city still being deleted, if this instance holds the lease; emits how many. */
    Mono<Long> finishPending() {
        return leases.acquire(LEASE, interval.plusSeconds(30))
                .flatMap(held -> held ? cities.deletingIds().concatMap(id -> removal.purge(id).thenReturn(id)).count()
                        : Mono.just(0L));
    }

    @PreDestroy
    void stop() {
        running.dispose();
    }
}
