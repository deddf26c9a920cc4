package org.citystep.matching;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.citystep.reference.Characteristic;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

/**
 * Peers found for a city, kept for a short time: a city's staff open the roadmap and its matches
 * again and again, and each computation asks the read model a few dozen questions. The key holds the
 * city's version, so its own changes show at once; other cities' changes (a peer's new level, a newly
 * published case study) show within {@code ttl}. Requests for the same key while it is being computed
 * share that computation, and an entry asked for in the second half of its life is computed again in
 * the background while it is served, so a city in use never waits for a recomputation. Answers
 * computed while part of search was unavailable are not kept. Bounded by the number of matches held,
 * so the heap stays bounded whatever the number of cities.
 */
final class StepMatchesCache {

    private static final Logger log = LoggerFactory.getLogger(StepMatchesCache.class);

    private record Key(String cityId, long version, List<Characteristic> characteristics, int limit, int candidates) {
    }

    /**
     * A computation's outcome: the peers found, or why none were ({@code failure}). A failure is
     * handed to the waiting requests and dropped from the cache, but never completes the cache's
     * future exceptionally: Caffeine logs each such load with its stack trace, 10,000 of them a
     * minute when overload refuses computations.
     */
    private record Entry(Map<Characteristic, StepMatches> found, long computedAtNanos, @Nullable Throwable failure) {
    }

    private static final long MAX_MATCHES_HELD = 20_000;

    private final @Nullable AsyncCache<Key, Entry> cache;
    private final long refreshAfterNanos;
    private final Set<Key> refreshing = ConcurrentHashMap.newKeySet();

    private final Ticker ticker;

    StepMatchesCache(Duration ttl) {
        this(ttl, Ticker.systemTicker());
    }

    StepMatchesCache(Duration ttl, Ticker ticker) {
        this.ticker = ticker;
        this.refreshAfterNanos = ttl.toNanos() / 2;
        this.cache = ttl.isZero() ? null : Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(ttl)
                .maximumWeight(MAX_MATCHES_HELD)
                .<Key, Entry>weigher((key, entry) ->
                        1 + entry.found().values().stream().mapToInt(step -> step.matches().size()).sum())
                .executor(Runnable::run)
                .buildAsync();
    }

    /**
     * The {@code limit} best of {@code candidates} peers of the city {@code cityId} as of its
     * {@code version}, from the cache or from {@code compute}.
     */
    Mono<Map<Characteristic, StepMatches>> get(String cityId, long version, List<Characteristic> characteristics, int limit,
            int candidates, Supplier<Mono<Map<Characteristic, StepMatches>>> compute) {
        AsyncCache<Key, Entry> held = cache;
        if (held == null) {
            return compute.get();
        }
        Key key = new Key(cityId, version, List.copyOf(characteristics), limit, candidates);
        return Mono.defer(() -> {
            CompletableFuture<Entry> pending = held.get(key, (ignored, executor) -> computed(compute)
                    .onErrorResume(failure -> Mono.just(new Entry(Map.of(), ticker.read(), failure))).toFuture());
            return Mono.fromFuture(pending, true).flatMap(entry -> {
                if (entry.failure() != null) {
                    held.asMap().remove(key, pending);
                    return Mono.error(entry.failure());
                }
                if (degraded(entry)) {
                    held.asMap().remove(key, pending);
                }
                else if (ticker.read() - entry.computedAtNanos() > refreshAfterNanos && refreshing.add(key)) {
                    refresh(held, key, compute);
                }
                return Mono.just(entry.found());
            });
        });
    }

    /** Computes the entry again beside the requests it serves meanwhile; a failure keeps the old one. */
    private void refresh(AsyncCache<Key, Entry> held, Key key, Supplier<Mono<Map<Characteristic, StepMatches>>> compute) {
        computed(compute)
                .doFinally(signal -> refreshing.remove(key))
                .subscribe(fresh -> {
                    if (!degraded(fresh)) {
                        held.put(key, CompletableFuture.completedFuture(fresh));
                    }
                }, failure -> log.debug("Refreshing the peers of {} failed: {}", key.cityId(), failure.toString()));
    }

    private Mono<Entry> computed(Supplier<Mono<Map<Characteristic, StepMatches>>> compute) {
        return Mono.defer(compute).map(found -> new Entry(found, ticker.read(), null));
    }

    private static boolean degraded(Entry entry) {
        return entry.found().values().stream()
                .anyMatch(step -> step.projectSimilarity() == StepMatches.ProjectSimilarity.UNAVAILABLE);
    }
}
