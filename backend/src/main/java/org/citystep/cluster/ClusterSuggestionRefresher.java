package org.citystep.cluster;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.citystep.casestudy.PublishedCaseStudyChanged;
import org.citystep.city.CityInterestsChanged;
import org.citystep.demo.DemoDataLoaded;
import org.citystep.search.ReadModelChanged;
import org.citystep.shared.mongo.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Recomputes the cluster suggestions when something they depend on changed: a city's interests
 * (a city added) or a published case study, as the city and case-study features announce it. Changes
 * are debounced: the first starts a window of {@code suggestionDebounce}, and at its end one
 * recomputation covers every change in it. Loading the demo data set, and a start without any
 * suggestions, recompute at once. One recomputation runs at a time; while one runs, further triggers
 * wait and are merged into one. A trigger whose changes all came before the last recomputation
 * started is dropped: that one covered them (one publication announces itself several times: as
 * published, and as indexed twice). After a recomputation the next waits nine times as long as it took, so the
 * recomputations take at most a tenth of a core however often data changes; across app instances,
 * a lease in MongoDB lets one compute at a time.
 * When Elasticsearch cannot answer, the current suggestions stay and
 * the recomputation is tried again after the debounce time. Requests never compute them.
 */
@Component
class ClusterSuggestionRefresher {

    private static final Logger log = LoggerFactory.getLogger(ClusterSuggestionRefresher.class);

    /** Longer than any recomputation takes (4.6 s at 50k cities): a holder that died frees it after this. */
    private static final Duration LEASE = Duration.ofMinutes(5);
    static final String LEASE_NAME = "cluster-suggestions";
    /** After a recomputation, the next one waits this many times as long as it took (at most a tenth of a core). */
    private static final int PAUSE_PER_COMPUTING = 9;

    private final ClusterSuggestionService suggestions;
    private final Leases leases;
    private final Duration debounce;
    /** End to end: reading the cities and topics, computing, storing the new set (bench/run scale reads it). */
    private final Timer recomputations;
    private final Sinks.Many<Trigger> changes = Sinks.many().unicast().onBackpressureBuffer();
    private final Sinks.Many<Trigger> now = Sinks.many().unicast().onBackpressureBuffer();
    private Disposable running = Flux.<Void>empty().subscribe();
    /** Changes announced so far, and how many of them the last recomputation started after. */
    private final AtomicLong changesSeen = new AtomicLong();
    private volatile long changesCovered;

    ClusterSuggestionRefresher(ClusterSuggestionService suggestions, Leases leases, ClusterProperties properties,
            MeterRegistry meters) {
        this.suggestions = suggestions;
        this.leases = leases;
        this.debounce = properties.suggestionDebounce();
        this.recomputations = Timer.builder("citystep.cluster.suggestions.refresh")
                .description("Recomputations of the cluster suggestions, end to end: reading the cities and the "
                        + "published case studies' topics, computing, storing the new set")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        // the first change opens a window of `debounce`; changes inside it wait for its end (a
        // published case study reaches the read model a moment after its event), and those that
        // came while it was open open one more window
        Flux<Trigger> debounced = changes.asFlux().onBackpressureLatest()
                .concatMap(trigger -> Mono.delay(debounce).thenReturn(trigger), 1);
        running = Flux.merge(debounced, now.asFlux())
                .onBackpressureLatest()
                .concatMap(trigger -> refreshIfNotCovered(trigger).onErrorResume(failure -> {
                    log.warn("Cluster suggestions not refreshed ({}), trying again in {}: {}", trigger.reason(), debounce,
                            failure.toString());
                    changed("retry after a failure");
                    return Mono.empty();
                }), 1)
                .subscribe();
        suggestions.computed().subscribe(computed -> {
            if (!computed) {
                emit(now, new Trigger("none computed yet", 0, true));
            }
        }, failure -> log.warn("Cluster suggestions: could not check for a current set: {}", failure.toString()));
    }

    private Mono<Void> refreshIfNotCovered(Trigger trigger) {
        if (!trigger.forced() && trigger.change() <= changesCovered) {
            return Mono.empty();
        }
        return refreshUnderLease(trigger.reason());
    }

    /**
     * One instance of the app computes at a time (all read the stored result). An instance whose
     * change came while another one computes tries again after the debounce, so its change is
     * covered by a computation that started after it.
     */
    private Mono<Void> refreshUnderLease(String reason) {
        return leases.acquire(LEASE_NAME, LEASE).flatMap(held -> {
            if (!held) {
                changed(reason + ", after another instance's computation");
                return Mono.<Void>empty();
            }
            long started = System.nanoTime();
            changesCovered = changesSeen.get();
            return suggestions.refresh()
                    .doOnNext(set -> {
                        long nanos = System.nanoTime() - started;
                        recomputations.record(nanos, TimeUnit.NANOSECONDS);
                        log.info("Cluster suggestions recomputed end to end in {} ms ({} cities; {})",
                                nanos / 1_000_000, set.cities(), reason);
                    })
                    .then()
                    .onErrorResume(failure -> leases.release(LEASE_NAME).then(Mono.error(failure)))
                    .then(leases.release(LEASE_NAME))
                    // background work stays a small share of the machine: at 10k cities a recomputation takes
                    // seconds, and under steady publishing it would otherwise run every debounce window
                    .then(Mono.defer(() -> Mono.delay(Duration.ofNanos(System.nanoTime() - started)
                            .multipliedBy(PAUSE_PER_COMPUTING)).then()));
        });
    }

    @EventListener
    void cityInterestsChanged(CityInterestsChanged event) {
        changed("interests of " + event.cityId());
    }

    @EventListener
    void publishedCaseStudyChanged(PublishedCaseStudyChanged event) {
        changed("published case study " + event.caseStudyId());
    }

    /**
     * The case studies' topics are read from the search read model, which a write reaches a moment
     * after MongoDB (after an outage, through the catch-up much later): recompute once it has.
     */
    @EventListener
    void readModelChanged(ReadModelChanged event) {
        if (event.indexName().equals(ClusterSuggestionService.CASE_STUDY_INDEX)) {
            changed("case studies indexed");
        }
    }

    /**
     * The demo data arrives after start-up: suggest clusters from it now, not after the debounce;
     * and once more after it, since its case studies reach the search index in bulk a little later.
     */
    @EventListener(DemoDataLoaded.class)
    void demoDataLoaded() {
        emit(now, new Trigger("demo data loaded", 0, true));
        changed("demo case studies indexed");
    }

    private void changed(String reason) {
        emit(changes, new Trigger(reason, changesSeen.incrementAndGet(), false));
    }

    private static void emit(Sinks.Many<Trigger> sink, Trigger trigger) {
        sink.emitNext(trigger, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    /** @param change the number of the change it announces; {@code forced} ones recompute whatever came before */
    private record Trigger(String reason, long change, boolean forced) {
    }

    @PreDestroy
    void stop() {
        running.dispose();
    }
}
