package org.citystep.search;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.citystep.shared.mongo.Leases;
import org.citystep.shared.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Rebuilds every index without downtime: each new index is built beside the one searches use, the
 * alias moves to it in one atomic step when it is complete, the writes made during the build are
 * replayed through the alias (external versions keep the newest), and the old index is dropped.
 */
@Service
public class SearchRebuilds {

    private static final Logger log = LoggerFactory.getLogger(SearchRebuilds.class);
    private static final Duration STALE_AFTER = Duration.ofMinutes(5);
    static final String LEASE = "search-rebuild";
    /** Writes are replayed from a little before the rebuild began: other instances' clocks differ. */
    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final ElasticsearchAsyncClient client;
    private final SearchIndexes indexes;
    private final SearchSources sources;
    private final SearchIndexer indexer;
    private final ReindexJobs jobs;
    private final Clock clock;
    private final Leases leases;
    private final SearchOutbox outbox;
    /** Set when this instance's running rebuild found its lease taken by another. */
    private final AtomicBoolean lostLease = new AtomicBoolean();
    /** How long an index request sent to the old index before the swap may take to settle. */
    private static final Duration IN_FLIGHT = Duration.ofSeconds(3);
    /** Guards this instance; the lease guards the others (it is renewed with every batch's progress). */
    private final AtomicBoolean runningHere = new AtomicBoolean();
    /** The indexes this instance is trying to rebuild on its own account, and those tries. */
    private final Set<String> refilling = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();
    private final Disposable.Composite refills = Disposables.composite();

    SearchRebuilds(ElasticsearchAsyncClient client, SearchIndexes indexes, SearchSources sources, SearchIndexer indexer, ReindexJobs jobs,
            Clock clock, Leases leases, SearchOutbox outbox) {
        this.outbox = outbox;
        this.client = client;
        this.indexes = indexes;
        this.sources = sources;
        this.indexer = indexer;
        this.jobs = jobs;
        this.clock = clock;
        this.leases = leases;
    }

    /**
     * Starts a rebuild of every index and answers at once with the job; 409 while one runs on any
     * instance. Only one runs at a time: an atomic lease in MongoDB, renewed with every batch, which
     * expires five minutes after its instance died.
     */
    public Mono<ReindexJob> start() {
        return begin(indexes.names().stream().sorted().toList(), "requested")
                .doOnNext(job -> run(job).subscribe(
                        done -> log.info("Rebuild {} finished: {}", done.getId(), done.getState()),
                        failure -> log.error("Rebuild {} failed", job.getId(), failure)));
    }

    /**
     * Starts a rebuild of every index like {@link #start()}, and emits the job when it has ended,
     * DONE or FAILED.
     */
    public Mono<ReindexJob> startAndAwait() {
        return begin(indexes.names().stream().sorted().toList(), "requested").flatMap(this::run);
    }

    /**
     * Indexes are missing documents or on an old mapping: rebuilds them in one tracked job, like an
     * admin's rebuild, once whatever rebuild runs now has finished. Keeps trying (Elasticsearch
     * down, the job failed) until they are complete, and rechecks before each try, so an index
     * another instance rebuilt meanwhile is left alone. An index this instance is already trying to
     * rebuild is not asked for twice.
     */
    @EventListener
    void rebuildStale(SearchIndexStale stale) {
        List<String> names = stale.reasons().keySet().stream().filter(refilling::add).sorted().toList();
        // stale again while its rebuild runs (lost meanwhile): that rebuild may have read it before
        stale.reasons().keySet().stream().filter(name -> !names.contains(name)).forEach(again::add);
        if (names.isEmpty()) {
            return;
        }
        log.info("Search indexes need a rebuild: {}", stale.reasons());
        String trigger = "automatic: " + names.stream().map(name -> name + " (" + stale.reasons().get(name) + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        refills.add(Flux.fromIterable(names).filterWhen(indexes::needsRebuild).collectList()
                .flatMap(needed -> needed.isEmpty() ? Mono.<ReindexJob>empty()
                        : begin(needed, trigger).flatMap(this::run)
                                .flatMap(job -> job.getState() == ReindexJob.State.DONE ? Mono.just(job)
                                        : Mono.error(new IllegalStateException("Rebuild " + job.getId() + " failed: "
                                                + job.getError()))))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1))
                        .doBeforeRetry(signal -> log.info("Rebuild of {} not done yet, trying again: {}", names,
                                signal.failure().toString())))
                .doFinally(signal -> {
                    names.forEach(refilling::remove);
                    Map<String, String> followUp = new java.util.TreeMap<>();
                    names.stream().filter(again::remove).forEach(name -> followUp.put(name, "it changed while being rebuilt"));
                    if (!followUp.isEmpty()) {
                        rebuildStale(new SearchIndexStale(followUp));
                    }
                })
                .subscribe(job -> log.info("Rebuilt search indexes {} ({})", names, job.getId()),
                        failure -> log.error("Gave up rebuilding search indexes {}", names, failure)));
    }

    @PreDestroy
    void stop() {
        refills.dispose();
    }

    /** Takes the rebuild lease and records the job; 409 while a rebuild runs anywhere. */
    private Mono<ReindexJob> begin(List<String> names, String trigger) {
        return indexes.reachable()
                .onErrorMap(failure -> ApiException.serviceUnavailable("search.unreachable"))
                .then(Mono.defer(() -> {
                    if (!runningHere.compareAndSet(false, true)) {
                        return Mono.error(running());
                    }
                    lostLease.set(false);
                    return leases.acquire(LEASE, STALE_AFTER)
                            .flatMap(held -> held ? interrupted().then(jobs.insert(ReindexJob.start(ID.format(clock.instant()),
                                    names, trigger, clock.instant()))) : Mono.error(running()))
                            .doOnError(failure -> runningHere.set(false));
                }));
    }

    private static ApiException running() {
        return ApiException.conflict("search.rebuildRunning");
    }

    public Mono<ReindexJob> job(String id) {
        return jobs.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("rebuild", id)));
    }

    public Mono<ReindexJob> latest() {
        return jobs.findFirstByOrderByStartedAtDesc()
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("rebuild", "latest")));
    }

    /**
     * Marks as failed the jobs still recorded as running: with the lease in hand, none of them runs
     * (its instance stopped, or the database was restored from a backup taken during one).
     */
    private Mono<Void> interrupted() {
        return jobs.findByState(ReindexJob.State.RUNNING)
                .concatMap(job -> {
                    job.fail("Interrupted: the instance running it stopped", clock.instant());
                    return jobs.save(job);
                })
                .then();
    }

    /** Runs a begun job to its end, then gives the lease up; emits the job as it ended, DONE or FAILED. */
    private Mono<ReindexJob> run(ReindexJob job) {
        // every instance now keeps the outbox entries it settles, for the replay (it notices within this)
        return Mono.delay(SearchOutbox.REBUILD_NOTICE.multipliedBy(2))
                .thenMany(Flux.fromIterable(job.getIndexes()))
                .concatMap(progress -> rebuild(job, progress.name()))
                .then(Mono.fromCallable(() -> {
                    job.finish(clock.instant());
                    return job;
                }))
                .onErrorResume(failure -> Mono.fromCallable(() -> {
                    job.fail(failure.toString(), clock.instant());
                    return job;
                }))
                // the job reads DONE or FAILED only once another rebuild may begin: an admin who sees
                // it ended and starts the next one is not refused
                .flatMap(ended -> Mono.defer(() -> lostLease.get() ? Mono.<Void>empty() : outbox.forgetSettled().then())
                        // what was kept for the replay is no longer needed, forgotten while the lease is
                        // held so a next rebuild's entries are never among them (a lease lost to another
                        // instance's rebuild: that one needs them, and its own begin keeps them)
                        .then(leases.release(LEASE))
                        .onErrorResume(failure -> {
                            log.warn("Could not release {}: {}", LEASE, failure.toString());
                            return Mono.empty();
                        })
                        .then(jobs.save(ended)))
                .doFinally(signal -> runningHere.set(false));
    }

    private Mono<Void> rebuild(ReindexJob job, String name) {
        SearchDocuments source = sources.of(name).orElseThrow();
        String alias = indexes.alias(name);
        String newIndex = indexes.newIndexName(name);
        Instant started = clock.instant();
        AtomicLong written = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean moved = new java.util.concurrent.atomic.AtomicBoolean();
        return Mono.zip(source.count(), indexes.indicesOf(name))
                .flatMap(countAndOld -> {
                    long total = countAndOld.getT1();
                    List<String> old = countAndOld.getT2();
                    return save(job, new ReindexJob.Progress(name, newIndex, total, 0, false))
                            .then(Mono.fromFuture(() -> client.indices().create(c -> c.index(newIndex)
                                    .withJson(new StringReader(indexes.mapping(name))))))
                            // two bulk requests in flight while the next batch is read: memory stays flat at any size
                            .thenMany(source.all().buffer(SearchIndexer.BULK_SIZE)
                                    .flatMapSequential(batch -> indexer.bulk(newIndex, false, batch)
                                            .map(done -> new long[] {batch.size(), done}), 2, 1)
                                    // progress is saved one batch after another: the job is one versioned document
                                    .concatMap(sizeAndDone -> {
                                        failed.addAndGet(sizeAndDone[0] - sizeAndDone[1]);
                                        return save(job, new ReindexJob.Progress(name, newIndex, total,
                                                written.addAndGet(sizeAndDone[1]), false));
                                    }))
                            // never swap to an index that misses documents: the old one stays in use
                            .then(Mono.defer(() -> failed.get() == 0 ? Mono.empty()
                                    : Mono.fromFuture(() -> client.indices().delete(d -> d.index(newIndex)))
                                            .then(Mono.error(new IllegalStateException(failed.get()
                                                    + " documents could not be written to " + newIndex)))))
                            // searches must find everything the moment the alias moves, not a second later
                            .then(Mono.fromFuture(() -> client.indices().refresh(r -> r.index(newIndex))))
                            .then(Mono.fromFuture(() -> client.indices().updateAliases(u -> {
                                if (!old.isEmpty()) {
                                    u.actions(a -> a.remove(r -> r.indices(old).alias(alias)));
                                }
                                return u.actions(a -> a.add(add -> add.index(newIndex).alias(alias).isWriteIndex(true)));
                            })).doOnSuccess(done -> moved.set(true)))
                            // what was written while the new index was being built
                            .then(indexer.indexAll(name, source.changedSince(started.minus(CLOCK_MARGIN))))
                            // what reached only the old index meanwhile and left no newer updatedAt behind (a
                            // removal, a fan-out): every outbox entry settled since the job began; once more
                            // a little later for writes that were in flight to the old index at the swap
                            .then(replaySettled(name, source, job.getStartedAt()))
                            .then(Mono.delay(IN_FLIGHT))
                            .then(replaySettled(name, source, job.getStartedAt()))
                            .then(dropAllBut(alias, newIndex))
                            .then(Mono.defer(() -> save(job, new ReindexJob.Progress(name, newIndex, total,
                                    written.get(), true))))
                            .then()
                            // a failed build leaves no half-filled index behind, unless the alias moved to it
                            // already (a failure in the replay or the clean-up): then it is the one in use
                            .onErrorResume(failure -> moved.get() ? Mono.error(failure)
                                    : Mono.fromFuture(() -> client.indices().delete(d -> d.index(newIndex)
                                                    .ignoreUnavailable(true)))
                                            .onErrorResume(cleanUp -> Mono.empty())
                                            .then(Mono.error(failure)));
                })
                .onErrorMap(ElasticsearchFailures::translate);
    }

    /**
     * Indexes again, through the alias, the documents whose outbox entries were settled since
     * {@code since} (kept for this rebuild), and removes those whose source is gone.
     */
    private Mono<Void> replaySettled(String name, SearchDocuments source, Instant since) {
        return outbox.settledSince(name, since.minus(CLOCK_MARGIN), SearchIndexer.BULK_SIZE)
                .concatMap(ids -> source.byIds(ids).collectList().flatMap(found -> {
                    Set<String> existing = new java.util.HashSet<>();
                    found.forEach(document -> existing.add(document.id()));
                    List<String> gone = ids.stream().filter(id -> !existing.contains(id)).toList();
                    return indexer.indexAll(name, Flux.fromIterable(found)).then(indexer.deleteAll(name, gone));
                }))
                .then();
    }

    /**
     * Drops every index of {@code alias} but {@code kept}: the one searches used until now, and any
     * that an earlier rebuild left behind when its instance died. Under the rebuild lease no other
     * rebuild is building one.
     */
    private Mono<Void> dropAllBut(String alias, String kept) {
        java.util.regex.Pattern ours = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(alias)
                + "-[0-9a-f]{10}-.*");
        return Mono.fromFuture(() -> client.indices().get(g -> g.index(alias + "-*").ignoreUnavailable(true)))
                .map(found -> found.result().keySet().stream()
                        .filter(index -> !index.equals(kept) && ours.matcher(index).matches()).toList())
                .flatMap(stale -> stale.isEmpty() ? Mono.empty()
                        : Mono.fromFuture(() -> client.indices().delete(d -> d.index(stale))))
                .then();
    }

    /** Records progress when the step runs, not when the pipeline is assembled. */
    private Mono<ReindexJob> save(ReindexJob job, ReindexJob.Progress progress) {
        return Mono.defer(() -> {
            job.progress(progress, clock.instant());
            // a rebuild whose lease expired (a long pause) may run beside another instance's: it stops
            return leases.acquire(LEASE, STALE_AFTER).flatMap(held -> {
                if (!held) {
                    lostLease.set(true);
                    return Mono.error(new IllegalStateException("Lost the rebuild lease to another instance: stopped"));
                }
                return jobs.save(job);
            });
        });
    }
}
