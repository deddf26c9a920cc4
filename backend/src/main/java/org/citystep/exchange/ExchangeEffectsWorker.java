package org.citystep.exchange;

import java.time.Clock;
import java.time.Duration;

import org.citystep.shared.mongo.Leases;
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
 * Every few seconds, finishes the exchange writes whose writer did not (it died between saving a
 * change and carrying out its {@link ExchangeEffect}s, or MongoDB refused one of them): the due
 * marks older than {@link #WRITER_GRACE}, oldest first. A mark whose exchange was never saved is
 * removed once the write can no longer arrive. With several app instances, the one holding the
 * lease does it.
 */
@Component
class ExchangeEffectsWorker {

    private static final Logger log = LoggerFactory.getLogger(ExchangeEffectsWorker.class);
    /** The writer carries its effects out at once; the worker steps in only after that had its chance. */
    static final Duration WRITER_GRACE = Duration.ofSeconds(10);
    static final int BATCH = 100;
    private static final String LEASE_NAME = "exchange-effects";

    private final ExchangeEffects effects;
    private final Exchanges exchanges;
    private final Leases leases;
    private final Clock clock;
    private final Duration interval;
    private Disposable running = Flux.<Long>empty().subscribe();

    ExchangeEffectsWorker(ExchangeEffects effects, Exchanges exchanges, Leases leases, Clock clock,
            ExchangeProperties properties) {
        this.effects = effects;
        this.exchanges = exchanges;
        this.leases = leases;
        this.clock = clock;
        this.interval = properties.effectsInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> round().onErrorResume(failure -> {
                    log.warn("Could not finish the exchange writes left undone: {}", failure.toString());
                    return Mono.just(0L);
                }))
                .filter(finished -> finished > 0)
                .subscribe(finished -> log.info("Finished {} exchange writes whose writer did not", finished));
    }

    /** One round on the instance holding the lease: emits how many marks it settled. */
    Mono<Long> round() {
        Duration lease = interval.multipliedBy(3).compareTo(Duration.ofMinutes(1)) > 0 ? interval.multipliedBy(3)
                : Duration.ofMinutes(1);
        return leases.acquire(LEASE_NAME, lease).flatMap(held -> !held ? Mono.just(0L)
                : effects.overdue(clock.instant().minus(WRITER_GRACE), BATCH)
                        .concatMap(due -> exchanges.findById(due.exchangeId())
                                .flatMap(exchange -> effects.carryOut(exchange, due).thenReturn(1L))
                                .switchIfEmpty(Mono.defer(() -> due.markedAt()
                                        .isBefore(clock.instant().minus(ExchangeLimits.WRITE_GRACE))
                                                ? effects.settle(due).thenReturn(1L) : Mono.just(0L)))
                                .onErrorResume(failure -> {
                                    log.warn("Could not finish the writes of exchange {}; tried again next round: {}",
                                            due.exchangeId(), failure.toString());
                                    return Mono.just(0L);
                                }))
                        .reduce(0L, Long::sum));
    }

    @PreDestroy
    void stop() {
        running.dispose();
    }
}
