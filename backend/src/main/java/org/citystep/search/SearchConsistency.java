package org.citystep.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.Hit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Compares the read model with MongoDB, index by index: every MongoDB document must be indexed
 * at its version, and the index must hold nothing MongoDB does not. Both sides are read in
 * batches ({@value #BATCH} ids per round trip; the index through a point in time), so memory
 * stays flat at any size. A repair hands every difference to the {@link SearchOutbox}, whose
 * catch-up indexes what is missing or stale and removes what is gone. For admins and the soak
 * benchmark; nothing runs it on a timer, since it reads every document.
 */
@Service
public class SearchConsistency {

    static final int BATCH = 1_000;
    private static final int EXAMPLES = 20;

    private final ElasticsearchAsyncClient client;
    private final ElasticsearchProperties properties;
    private final SearchSources sources;
    private final SearchOutbox outbox;
    private final SearchIndexer indexer;

    SearchConsistency(ElasticsearchAsyncClient client, ElasticsearchProperties properties, SearchSources sources,
            SearchOutbox outbox, SearchIndexer indexer) {
        this.indexer = indexer;
        this.client = client;
        this.properties = properties;
        this.sources = sources;
        this.outbox = outbox;
    }

    /**
     * How one index compares with MongoDB.
     *
     * @param missing  in MongoDB, not in the index
     * @param stale    in both, at another version
     * @param extra    in the index, no longer in MongoDB
     * @param examples up to twenty of the differing ids
     */
    public record IndexReport(String index, long inMongo, long inIndex, long missing, long stale, long extra,
            List<String> examples) {

        public boolean consistent() {
            return missing == 0 && stale == 0 && extra == 0;
        }
    }

    /**
     * @param writesPending writes the catch-up has still to index (dead letters included): differences
     *                      they explain go away on their own
     * @param repairQueued  how many differing documents a repair handed to the catch-up
     */
    public record Report(boolean consistent, long writesPending, long repairQueued, List<IndexReport> indexes) {
    }

    /** Compares every index; with {@code repair}, hands each difference to the catch-up. */
    public Mono<Report> check(boolean repair) {
        AtomicLong queued = new AtomicLong();
        return Flux.fromIterable(sources.all())
                .concatMap(documents -> check(documents, repair, queued))
                .collectList()
                .zipWith(outbox.size())
                .map(done -> new Report(done.getT1().stream().allMatch(IndexReport::consistent), done.getT2(),
                        queued.get(), done.getT1()));
    }

    private Mono<IndexReport> check(SearchDocuments documents, boolean repair, AtomicLong queued) {
        String index = documents.index();
        String alias = properties.aliasFor(index);
        AtomicLong inMongo = new AtomicLong();
        AtomicLong inIndex = new AtomicLong();
        AtomicLong missing = new AtomicLong();
        AtomicLong stale = new AtomicLong();
        AtomicLong extra = new AtomicLong();
        List<String> examples = Collections.synchronizedList(new ArrayList<>());
        Mono<Void> mongoSide = documents.all().buffer(BATCH)
                .concatMap(batch -> versionsIndexed(alias, batch.stream().map(SearchIndexer.Indexable::id).toList())
                        .flatMap(indexed -> {
                            inMongo.addAndGet(batch.size());
                            List<String> differing = new ArrayList<>();
                            List<String> otherVersion = new ArrayList<>();
                            for (SearchIndexer.Indexable document : batch) {
                                Long version = indexed.get(document.id());
                                if (version == null) {
                                    missing.incrementAndGet();
                                    differing.add(document.id());
                                }
                                else if (version != document.version()) {
                                    stale.incrementAndGet();
                                    differing.add(document.id());
                                    otherVersion.add(document.id());
                                }
                            }
                            // a version newer than MongoDB's (MongoDB lost a write) would refuse the older
                            // one as outdated: such documents leave the index before they are queued
                            Mono<?> cleared = repair ? indexer.deleteAll(index, otherVersion) : Mono.empty();
                            return cleared.then(noted(index, differing, examples, repair, queued));
                        }), 1)
                .then();
        Mono<Void> indexSide = idsIndexed(alias)
                .concatMap(ids -> documents.byIds(ids).map(SearchIndexer.Indexable::id).collect(HashSet<String>::new, Set::add)
                        .flatMap(existing -> {
                            inIndex.addAndGet(ids.size());
                            List<String> gone = ids.stream().filter(id -> !existing.contains(id)).toList();
                            extra.addAndGet(gone.size());
                            return noted(index, gone, examples, repair, queued);
                        }), 1)
                .then();
        return mongoSide.then(indexSide)
                .then(Mono.fromSupplier(() -> new IndexReport(index, inMongo.get(), inIndex.get(), missing.get(),
                        stale.get(), extra.get(), List.copyOf(examples))))
                .onErrorMap(ElasticsearchFailures::translate);
    }

    private Mono<Void> noted(String index, List<String> differing, List<String> examples, boolean repair,
            AtomicLong queued) {
        differing.stream().limit(Math.max(0, EXAMPLES - examples.size())).forEach(examples::add);
        if (!repair || differing.isEmpty()) {
            return Mono.empty();
        }
        queued.addAndGet(differing.size());
        return outbox.addAll(index, differing);
    }

    /** The version the index holds of each of these ids; ids it lacks are left out. */
    private Mono<Map<String, Long>> versionsIndexed(String alias, List<String> ids) {
        return Mono.fromFuture(() -> client.mget(m -> m.index(alias).ids(ids).source(s -> s.fetch(false)), Void.class))
                .publishOn(Schedulers.parallel())
                .map(response -> {
                    Map<String, Long> versions = new HashMap<>();
                    response.docs().forEach(item -> {
                        if (item.isResult() && item.result().found() && item.result().version() != null) {
                            versions.put(item.result().id(), item.result().version());
                        }
                    });
                    return versions;
                });
    }

    /** Every id the index holds, a batch at a time, through a point in time that is closed afterwards. */
    private Flux<List<String>> idsIndexed(String alias) {
        return Mono.fromFuture(() -> client.openPointInTime(o -> o.index(alias).keepAlive(k -> k.time("2m"))))
                .publishOn(Schedulers.parallel())
                .flatMapMany(pit -> page(pit.id(), null)
                        .expand(page -> page.after() == null ? Mono.empty() : page(pit.id(), page.after()))
                        .map(IndexedIds::ids)
                        .filter(ids -> !ids.isEmpty())
                        .doFinally(signal -> client.closePointInTime(c -> c.id(pit.id()))));
    }

    private record IndexedIds(List<String> ids, @Nullable List<FieldValue> after) {
    }

    private Mono<IndexedIds> page(String pit, @Nullable List<FieldValue> after) {
        return Mono.fromFuture(() -> client.search(s -> {
                    s.pit(p -> p.id(pit).keepAlive(k -> k.time("2m")))
                            .size(BATCH)
                            .sort(sort -> sort.field(f -> f.field("_shard_doc")))
                            .source(src -> src.fetch(false))
                            .trackTotalHits(t -> t.enabled(false));
                    if (after != null) {
                        s.searchAfter(after);
                    }
                    return s;
                }, Void.class))
                .publishOn(Schedulers.parallel())
                .map(response -> {
                    List<Hit<Void>> hits = response.hits().hits();
                    List<String> ids = hits.stream().map(Hit::id).toList();
                    return new IndexedIds(ids, hits.size() < BATCH ? null : hits.get(hits.size() - 1).sort());
                });
    }
}
