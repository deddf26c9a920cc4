package org.citystep.exchange;

import java.time.Clock;

import org.bson.Document;
import org.citystep.city.CityService;
import org.citystep.demo.DemoDataLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Adds the demo exchanges ({@link DemoExchanges}) once the demo data set has been loaded, through
 * {@link ExchangeService#createDemo}. A marker document written first (insert: only one instance and
 * one run get it) makes it happen once per database; exchanges of cities that do not exist are left out.
 */
@Component
class DemoExchangeLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoExchangeLoader.class);
    static final String MARKERS = "exchangeDemo";
    static final String MARKER = "demo-exchanges";

    private final ExchangeService exchanges;
    private final CityService cities;
    private final ReactiveMongoTemplate template;
    private final Clock clock;

    DemoExchangeLoader(ExchangeService exchanges, CityService cities, ReactiveMongoTemplate template, Clock clock) {
        this.exchanges = exchanges;
        this.cities = cities;
        this.template = template;
        this.clock = clock;
    }

    @EventListener(DemoDataLoaded.class)
    void demoDataLoaded() {
        load().subscribe(count -> log.info("Loaded {} demo exchanges", count),
                failure -> log.warn("Could not load the demo exchanges: {}", failure.toString()));
    }

    /** Emits how many exchanges were added; nothing when they were added before. */
    Mono<Long> load() {
        return template.insert(new Document("_id", MARKER).append("at", java.util.Date.from(clock.instant())), MARKERS)
                .map(marker -> true)
                .onErrorResume(DataIntegrityViolationException.class, loadedBefore -> Mono.just(false))
                .filter(Boolean::booleanValue)
                .flatMap(first -> Flux.fromIterable(DemoExchanges.all(clock.instant()))
                        .concatMap(demo -> cities.exists(demo.askingCityId()).zipWith(cities.exists(demo.peerCityId()))
                                .filter(both -> both.getT1() && both.getT2())
                                .flatMap(both -> exchanges.createDemo(demo)))
                        .count());
    }
}
