package org.citystep.search;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes documents to the read model right after their MongoDB write. Best effort: a failure or a
 * wait over two seconds is logged and swallowed so the user's write still succeeds; the write's
 * {@link SearchOutbox} entry stays and the catch-up worker indexes the document later. Documents are indexed with their
 * MongoDB version as an external version (external_gte: the same version may be written again when
 * data it is built from, such as its city, changed), so a late, older write never replaces a newer one.
 */
@Component
public class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final Duration INDEXING_TIMEOUT = Duration.ofSeconds(2);
    static final int BULK_SIZE = 500;

    private final ElasticsearchAsyncClient client;
    private final ElasticsearchProperties properties;
    private final SearchIndexes indexes;
    private final SearchOutbox outbox;
    private final ApplicationEventPublisher events;

    SearchIndexer(ElasticsearchAsyncClient client, ElasticsearchProperties properties, SearchIndexes indexes,
            SearchOutbox outbox, ApplicationEventPublisher events) {
        this.client = client;
        this.properties = properties;
        this.indexes = indexes;
        this.outbox = outbox;
        this.events = events;
    }

    /**
     * Indexes a document after its write and, if the index now holds this version (or a newer one),
     * settles the write's outbox entry; a newer write meanwhile keeps its own entry. Emits whether the
     * index is in step; when not, the catch-up worker indexes the document later.
     */
    public Mono<Boolean> indexAndSettle(PendingWrite pending, long version, Object document) {
        return index(pending.index(), pending.documentId(), version, document)
                .filter(Boolean::booleanValue)
                .flatMap(done -> outbox.settle(pending).thenReturn(true))
                .defaultIfEmpty(false);
    }

    /**
     * Removes a document whose source is gone or hidden (after the write that removed or hid it) and,
     * if the index no longer holds it, settles the write's outbox entry; never fails. When it cannot
     * remove it now, the catch-up worker does, finding the source gone.
     */
    public Mono<Boolean> removeAndSettle(PendingWrite pending) {
        return indexes.ensured().then(deleteAll(pending.index(), List.of(pending.documentId())))
                .timeout(INDEXING_TIMEOUT)
                .map(removed -> removed.contains(pending.documentId()))
                .filter(Boolean::booleanValue)
                .doOnNext(removed -> events.publishEvent(new ReadModelChanged(pending.index())))
                .flatMap(removed -> outbox.settle(pending).thenReturn(true))
                .defaultIfEmpty(false)
                .onErrorResume(failure -> {
                    log.warn("Could not remove {}/{} now: {}", pending.index(), pending.documentId(), failure.toString());
                    return Mono.just(false);
                })
                .publishOn(Schedulers.parallel());
    }

    /** One document to index, with the MongoDB version it was read at. */
    public record Indexable(String id, long version, Object document) {
    }

    /**
     * Indexes a stream of documents in bulk requests of {@value #BULK_SIZE}; emits how many were
     * written. Used to fill a new index; a document indexed meanwhile at a newer version is kept.
     */
    public Mono<Long> indexAll(String indexName, Flux<Indexable> documents) {
        String alias = properties.aliasFor(indexName);
        return documents.buffer(BULK_SIZE).concatMap(batch -> bulk(alias, true, batch), 1).reduce(0L, Long::sum)
                .doOnNext(written -> {
                    if (written > 0) {
                        events.publishEvent(new ReadModelChanged(indexName));
                    }
                });
    }

    /**
     * Writes one batch to {@code target} (an alias, or a concrete index being built); emits how many
     * documents it holds at their version now.
     */
    Mono<Long> bulk(String target, boolean throughAlias, List<Indexable> batch) {
        return bulkInStep(target, throughAlias, batch).map(inStep -> (long) inStep.size());
    }

    /** As {@link #bulk}; emits the ids of the documents the index holds at their version (or newer) now. */
    Mono<Set<String>> bulkInStep(String target, boolean throughAlias, List<Indexable> batch) {
        return bulkReport(target, throughAlias, batch).map(BulkReport::inStep);
    }

    /**
     * What a bulk request left behind: the ids the index holds at their version (or newer) now, and
     * what Elasticsearch said of each document it refused (its error type and reason, as an admin reads it).
     */
    record BulkReport(Set<String> inStep, Map<String, String> refusals) {
    }

    /** As {@link #bulkInStep}, with Elasticsearch's reason for every document it refused. */
    Mono<BulkReport> bulkReport(String target, boolean throughAlias, List<Indexable> batch) {
        if (batch.isEmpty()) {
            return Mono.just(new BulkReport(Set.of(), Map.of()));
        }
        return Mono.fromFuture(() -> client.bulk(b -> {
                    batch.forEach(item -> b.operations(op -> op.index(i -> i
                            .index(target).id(item.id()).version(item.version())
                            .versionType(VersionType.ExternalGte).document(item.document()))));
                    return b.requireAlias(throughAlias);
                }))
                .publishOn(Schedulers.parallel())
                .flatMap(response -> {
                    Set<String> done = new HashSet<>(idsDone(response, -1));
                    List<Indexable> conflicting = batch.stream().filter(item -> !done.contains(item.id())
                            && response.items().stream().anyMatch(r -> item.id().equals(r.id()) && r.status() == 409))
                            .toList();
                    Map<String, String> refusals = new java.util.HashMap<>();
                    response.items().forEach(item -> {
                        if (item.error() != null && item.id() != null && item.status() != 409) {
                            String said = item.error().type() + ": " + item.error().reason();
                            refusals.put(item.id(), said.length() > 500 ? said.substring(0, 500) : said);
                        }
                    });
                    return indexedAtLeast(target, conflicting).map(newer -> {
                        done.addAll(newer);
                        return new BulkReport(done, refusals);
                    });
                })
                .onErrorMap(ElasticsearchFailures::translate);
    }

    /**
     * Of documents Elasticsearch refused as outdated (409), those it really holds at their version
     * or a newer one. The others met the tombstone of a recent delete (kept for a minute), which
     * refuses a lower version although no document is there: they stay pending and are tried again.
     */
    private Mono<Set<String>> indexedAtLeast(String target, List<Indexable> refused) {
        if (refused.isEmpty()) {
            return Mono.just(Set.of());
        }
        Map<String, Long> wanted = refused.stream().collect(Collectors.toMap(Indexable::id, Indexable::version, Math::max));
        return Mono.fromFuture(() -> client.mget(m -> m.index(target).ids(List.copyOf(wanted.keySet()))
                        .source(src -> src.fetch(false)), Void.class))
                .publishOn(Schedulers.parallel())
                .map(found -> found.docs().stream()
                        .filter(item -> item.isResult() && item.result().found() && item.result().version() != null
                                && item.result().version() >= wanted.getOrDefault(item.result().id(), Long.MAX_VALUE))
                        .map(item -> item.result().id())
                        .collect(Collectors.toSet()));
    }

    /** The ids a bulk request left as asked: no error, or the one status that means the same here. */
    private static Set<String> idsDone(BulkResponse response, int alsoDone) {
        return response.items().stream()
                .filter(item -> item.error() == null || item.status() == alsoDone)
                .map(item -> item.id())
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /** Removes documents whose source is gone; emits the ids that are no longer in the index. */
    Mono<Set<String>> deleteAll(String indexName, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Set.of());
        }
        String alias = properties.aliasFor(indexName);
        return Mono.fromFuture(() -> client.bulk(b -> {
                    ids.forEach(id -> b.operations(op -> op.delete(d -> d.index(alias).id(id))));
                    return b.requireAlias(true);
                }))
                .publishOn(Schedulers.parallel())
                // 404: not there, as wanted
                .map(response -> idsDone(response, 404))
                .onErrorMap(ElasticsearchFailures::translate);
    }

    /**
     * Indexes {@code document} under {@code id}; never fails. Emits whether the index now holds this
     * version (or a newer one); when not, the document stays pending for the catch-up worker.
     */
    public Mono<Boolean> index(String indexName, String id, long version, Object document) {
        String alias = properties.aliasFor(indexName);
        // right after start the indexes may not exist yet: the first writes wait for them (one shared check)
        return indexes.ensured().then(Mono.fromFuture(() -> client.index(i -> i
                        .index(alias)
                        .id(id)
                        .version(version)
                        .versionType(VersionType.ExternalGte)
                        .requireAlias(true)
                        .document(document))))
                .doOnNext(written -> events.publishEvent(new ReadModelChanged(indexName)))
                .thenReturn(true)
                // best effort must not hold up the user's write when Elasticsearch hangs
                .timeout(INDEXING_TIMEOUT)
                .onErrorResume(failure -> {
                    Throwable cause = ElasticsearchFailures.translate(failure);
                    if (cause instanceof ElasticsearchException es && es.status() == 409) {
                        // a newer version is indexed already, or a recent delete's tombstone refused it
                        return indexedAtLeast(alias, List.of(new Indexable(id, version, document)))
                                .map(newer -> !newer.isEmpty())
                                .timeout(INDEXING_TIMEOUT)
                                .onErrorReturn(false);
                    }
                    if (cause instanceof ElasticsearchException es && es.status() == 404) {
                        events.publishEvent(new SearchIndexMissing(indexName)); // its rebuild includes this document
                    }
                    log.warn("Could not index {}/{} v{} now: {}", alias, id, version, cause.toString());
                    return Mono.just(false);
                })
                // the caller's work goes on on Reactor's threads, never on the HTTP client's I/O thread
                .publishOn(Schedulers.parallel());
    }
}
