package org.citystep.matching;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.citystep.reference.Characteristic;
import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * Peers found for a city, kept for a short time: a city's staff open the roadmap and its matches
 * again and again, and each computation asks the read model a few dozen questions. The key holds the
 * city's version, so its own changes show at once; other cities' changes (a peer's new level, a newly
 * published case study) show within {@code ttl}. Requests for the same key while it is being computed
 * share that computation. Answers computed while part of search was unavailable are not kept. Bounded
 * by the number of matches held, so the heap stays bounded whatever the number of cities.
 */
final class StepMatchesCache {

    private record Key(String cityId, long version, List<Characteristic> characteristics, int limit, int candidates) {
    }

    private static final long MAX_MATCHES_HELD = 20_000;

    private final @Nullable AsyncCache<Key, Map<Characteristic, StepMatches>> cache;

    StepMatchesCache(Duration ttl) {
        this.cache = ttl.isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(MAX_MATCHES_HELD)
                .<Key, Map<Characteristic, StepMatches>>weigher((key, found) ->
                        1 + found.values().stream().mapToInt(step -> step.matches().size()).sum())
                .executor(Runnable::run)
                .buildAsync();
    }

    /** The {@code limit} best of {@code candidates} peers of the city {@code cityId} as of its {@code version}, from the cache or from {@code compute}. */
    Mono<Map<Characteristic, StepMatches>> get(String cityId, long version, List<Characteristic> characteristics, int limit,
            int candidates, Supplier<Mono<Map<Characteristic, StepMatches>>> compute) {
        if (cache == null) {
            return compute.get();
        }
        Key key = new Key(cityId, version, List.copyOf(characteristics), limit, candidates);
        AsyncCache<Key, Map<Characteristic, StepMatches>> held = cache;
        return Mono.fromFuture(() -> held.get(key, (ignored, executor) -> compute.get().toFuture()), true)
                .doOnNext(found -> {
                    if (found.values().stream().anyMatch(step ->
                            step.projectSimilarity() == StepMatches.ProjectSimilarity.UNAVAILABLE)) {
                        held.asMap().remove(key);
                    }
                });
    }
}
