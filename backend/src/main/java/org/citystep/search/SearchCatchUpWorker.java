package org.citystep.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.citystep.shared.mongo.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every few seconds, while Elasticsearch answers, indexes what the {@link SearchOutbox} holds as
 * due (Elasticsearch was down or slow, or the app stopped between a write and its indexing), in
 * bulk, batch after batch until nothing due is left. So nothing written is lost to search, and no
 * write depends on the second store succeeding. A document whose source is gone is removed from
 * its index; one that fails is retried with a growing backoff, and after ten refusals it is a dead
 * letter (metric {@code citystep.search.dead.letters}, admin endpoint). With several app instances,
 * the one holding the catch-up lease does it.
 */
@Component
class SearchCatchUpWorker {

    private static final Logger log = LoggerFactory.getLogger(SearchCatchUpWorker.class);
    static final int BATCH = 500;
    /** The instance that holds it catches up for all, renewing it every round; if it dies, another takes over. */
    private static final String LEASE_NAME = "search-catch-up";
    private static final Duration MIN_LEASE = Duration.ofMinutes(1);

    private final SearchIndexes indexes;
    private final SearchSources sources;
    private final SearchIndexer indexer;
    private final SearchOutbox outbox;
    private final Leases leases;
    private final ApplicationEventPublisher events;
    private final Duration interval;
    private Disposable running = Flux.<Long>empty().subscribe();
    private final AtomicLong deadLetters = new AtomicLong();

    SearchCatchUpWorker(SearchIndexes indexes, SearchSources sources, SearchIndexer indexer, SearchOutbox outbox, Leases leases,
            ApplicationEventPublisher events, MeterRegistry meters,
            @Value("${citystep.elasticsearch.catch-up-interval:10s}") Duration interval) {
        this.indexes = indexes;
        this.sources = sources;
        this.indexer = indexer;
        this.outbox = outbox;
        this.leases = leases;
        this.events = events;
        this.interval = interval;
        Gauge.builder("citystep.search.dead.letters", deadLetters, AtomicLong::get)
                .description("Writes whose document could not be indexed after repeated tries (GET /api/v1/admin/search/dead-letters)")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> round().onErrorResume(failure -> {
                    log.debug("Search catch-up round failed: {}", failure.toString());
                    return Mono.just(0L);
                }))
                .filter(caughtUp -> caughtUp > 0)
                .subscribe(caughtUp -> log.info("Search caught up with {} documents written meanwhile", caughtUp));
    }

    /**
     * One round, on the one app instance that holds the catch-up lease; nothing while Elasticsearch
     * is unreachable (no point trying every document).
     */
    Mono<Long> round() {
        Duration lease = interval.multipliedBy(3).compareTo(MIN_LEASE) > 0 ? interval.multipliedBy(3) : MIN_LEASE;
        return outbox.deadLetterCount().doOnNext(deadLetters::set).onErrorResume(failure -> Mono.empty())
                .then(leases.acquire(LEASE_NAME, lease))
                .flatMap(held -> !held ? Mono.just(0L)
                        : indexes.reachable().then(indexes.ensured()).then(drain(0, lease)));
    }

    /**
     * Batch after batch while full batches come: a backlog after an outage is worked off at bulk
     * speed. The lease is renewed before every further batch; an instance that lost it (a drain
     * that outlasted it while another took over) stops.
     */
    private Mono<Long> drain(long sofar, Duration lease) {
        return outbox.due(BATCH).collectList()
                .flatMap(due -> due.isEmpty() ? Mono.just(sofar)
                        : batch(due).flatMap(done -> due.size() == BATCH && done > 0
                                ? leases.acquire(LEASE_NAME, lease).flatMap(held -> held ? drain(sofar + done, lease)
                                        : Mono.fromSupplier(() -> {
                                            log.info("Lost the search catch-up lease to another instance: it goes on");
                                            return sofar + done;
                                        }))
                                : Mono.just(sofar + done)));
    }

    private Mono<Long> batch(List<SearchOutbox.Due> due) {
        Map<String, List<SearchOutbox.Due>> byIndex = new LinkedHashMap<>();
        due.forEach(entry -> byIndex.computeIfAbsent(entry.write().index(), index -> new ArrayList<>()).add(entry));
        return Flux.fromIterable(byIndex.entrySet())
                .concatMap(group -> catchUp(group.getKey(), group.getValue()))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> catchUp(String indexName, List<SearchOutbox.Due> due) {
        if (indexName.startsWith(SearchOutbox.DEPENDENTS_OF)) {
            return fanOut(indexName.substring(SearchOutbox.DEPENDENTS_OF.length()), due);
        }
        var source = sources.of(indexName);
        if (source.isEmpty()) {
            // an index this version of the app no longer has: nothing can be done with these
            return outbox.settleAll(due.stream().map(SearchOutbox.Due::write).toList()).thenReturn(0L);
        }
        String alias = indexes.alias(indexName);
        return source.get().byIds(SearchOutbox.documentIds(due)).collectList()
                .flatMap(found -> {
                    Set<String> existing = new HashSet<>();
                    found.forEach(document -> existing.add(document.id()));
                    List<String> gone = SearchOutbox.documentIds(due).stream().filter(id -> !existing.contains(id)).toList();
                    return Mono.zip(indexer.bulkReport(alias, true, found), indexer.deleteAll(indexName, gone));
                })
                .flatMap(written -> {
                    List<PendingWrite> settled = new ArrayList<>();
                    List<SearchOutbox.Due> failed = new ArrayList<>();
                    for (SearchOutbox.Due entry : due) {
                        String id = entry.write().documentId();
                        if (written.getT1().inStep().contains(id) || written.getT2().contains(id)) {
                            settled.add(entry.write());
                        }
                        else {
                            failed.add(entry);
                        }
                    }
                    if (!failed.isEmpty()) {
                        log.warn("{} documents of {} could not be indexed; trying again later", failed.size(), alias);
                    }
                    if (!written.getT1().inStep().isEmpty()) {
                        events.publishEvent(new ReadModelChanged(indexName));
                    }
                    return outbox.settleAll(settled)
                            .then(outbox.retryLater(failed, entry -> "Elasticsearch refused the document: "
                                    + written.getT1().refusals().getOrDefault(entry.write().documentId(), "no reason given"), true))
                            .thenReturn((long) settled.size());
                })
                .onErrorResume(failure -> outbox.retryLater(due, failure.toString(), false).then(Mono.error(failure)));
    }

    /**
     * Queues, for every index, its documents built from these documents of {@code index}, then
     * settles the entries that asked for it; a failure leaves them to be tried again.
     */
    private Mono<Long> fanOut(String index, List<SearchOutbox.Due> due) {
        return Flux.fromIterable(due)
                .concatMap(entry -> Flux.fromIterable(sources.all())
                        .concatMap(dependent -> dependent.dependentsOf(index, entry.write().documentId())
                                .buffer(BATCH)
                                .concatMap(ids -> outbox.addAll(dependent.index(), ids).thenReturn(ids.size()))))
                .reduce(0L, Long::sum)
                .flatMap(queued -> outbox.settleAll(due.stream().map(SearchOutbox.Due::write).toList())
                        .doOnSuccess(done -> log.info("Queued {} documents built from {} {} for search", queued,
                                due.size(), index))
                        .thenReturn((long) due.size()))
                .onErrorResume(failure -> outbox.retryLater(due, failure.toString(), false).then(Mono.error(failure)));
    }

    @PreDestroy
    void stop() {
        running.dispose();
    }
}
