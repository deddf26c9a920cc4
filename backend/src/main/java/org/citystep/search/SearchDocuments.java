package org.citystep.search;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the documents of a feature's {@link SearchIndex} come from in MongoDB, declared as a bean
 * beside it: all of them (to fill a new index), those changed since a moment (to replay what a
 * rebuild missed), some by id (what the outbox names), and which documents of other indexes they
 * are built from. Streams in bounded memory, never whole collections.
 */
public final class SearchDocuments {

    private final String index;
    private final Supplier<Mono<Long>> count;
    private final Supplier<Flux<SearchIndexer.Indexable>> all;
    private final Function<Instant, Flux<SearchIndexer.Indexable>> changedSince;
    private final Function<Collection<String>, Flux<SearchIndexer.Indexable>> byIds;
    private final Map<String, Function<String, Flux<String>>> dependents;

    private SearchDocuments(String index, Supplier<Mono<Long>> count, Supplier<Flux<SearchIndexer.Indexable>> all,
            Function<Instant, Flux<SearchIndexer.Indexable>> changedSince,
            Function<Collection<String>, Flux<SearchIndexer.Indexable>> byIds,
            Map<String, Function<String, Flux<String>>> dependents) {
        this.index = index;
        this.count = count;
        this.all = all;
        this.changedSince = changedSince;
        this.byIds = byIds;
        this.dependents = Map.copyOf(dependents);
    }

    /**
     * The documents of index {@code index}: read from {@code source}, turned into search documents
     * by {@code documents}, which may read related data a batch at a time.
     */
    public static <T> SearchDocuments of(String index, Source<T> source,
            Function<Flux<T>, Flux<SearchIndexer.Indexable>> documents) {
        return new SearchDocuments(index, source::count, () -> documents.apply(source.all()),
                since -> documents.apply(source.changedSince(since)), ids -> documents.apply(source.byIds(ids)), Map.of());
    }

    /**
     * The same documents, built partly from documents of index {@code index} (a case study shows its
     * city's region): when such a document changes in a way they show, its writer says so with
     * {@link SearchOutbox#addDependents}, and the ids {@code dependentIds} gives for it are indexed
     * again.
     */
    public SearchDocuments dependsOn(String index, Function<String, Flux<String>> dependentIds) {
        Map<String, Function<String, Flux<String>>> more = new LinkedHashMap<>(dependents);
        more.put(index, dependentIds);
        return new SearchDocuments(this.index, count, all, changedSince, byIds, more);
    }

    /** A feature's MongoDB documents as the read model needs them. */
    public interface Source<T> {

        Mono<Long> count();

        Flux<T> all();

        Flux<T> changedSince(Instant since);

        /** The documents with these ids as they are now; ids of documents that no longer exist are left out. */
        Flux<T> byIds(Collection<String> ids);

        static <T> Source<T> of(Supplier<Mono<Long>> count, Supplier<Flux<T>> all,
                Function<Instant, Flux<T>> changedSince, Function<Collection<String>, Flux<T>> byIds) {
            return new Source<>() {
                @Override
                public Mono<Long> count() {
                    return count.get();
                }

                @Override
                public Flux<T> all() {
                    return all.get();
                }

                @Override
                public Flux<T> changedSince(Instant since) {
                    return changedSince.apply(since);
                }

                @Override
                public Flux<T> byIds(Collection<String> ids) {
                    return byIds.apply(ids);
                }
            };
        }
    }

    public String index() {
        return index;
    }

    Mono<Long> count() {
        return count.get();
    }

    Flux<SearchIndexer.Indexable> all() {
        return all.get();
    }

    Flux<SearchIndexer.Indexable> changedSince(Instant since) {
        return changedSince.apply(since);
    }

    Flux<SearchIndexer.Indexable> byIds(Collection<String> ids) {
        return byIds.apply(ids);
    }

    /** The ids of this index's documents built from document {@code id} of {@code otherIndex}; none if unrelated. */
    Flux<String> dependentsOf(String otherIndex, String id) {
        Function<String, Flux<String>> dependentIds = dependents.get(otherIndex);
        return dependentIds == null ? Flux.empty() : dependentIds.apply(id);
    }
}
