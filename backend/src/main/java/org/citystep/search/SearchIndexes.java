package org.citystep.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Keeps every declared index behind its alias, on the current mapping. A concrete index is named
 * {@code <alias>-<mapping hash>-<time>}. When the alias is missing (a new or wiped cluster), an
 * empty index is created behind it at once, so writes land, and named {@code …-unfilled}; when the
 * alias points at an index built from another mapping, it is left in place. Either way
 * {@link SearchIndexStale} asks for a tracked rebuild ({@link SearchRebuilds}), which builds the
 * new index beside the one searches use and moves the alias when it is complete. An unfilled index
 * found at start (its instance died while filling it) is rebuilt the same way. Runs when the
 * application is ready and keeps retrying while Elasticsearch is unreachable, so the app starts
 * (and MongoDB writes succeed) without it.
 */
@Component
class SearchIndexes {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    /** Marks an index created empty because its alias was missing, until a rebuild replaces it. */
    static final String UNFILLED = "-unfilled";

    private final ElasticsearchAsyncClient client;
    private final ElasticsearchProperties properties;
    private final ApplicationEventPublisher events;
    private final Map<String, SearchIndex> byName;
    private final Map<String, String> mappings;
    private final Map<String, String> aliasByType;
    private final AtomicBoolean ready = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicReference<@org.jspecify.annotations.Nullable Mono<Void>> inFlight =
            new java.util.concurrent.atomic.AtomicReference<>();
    private Disposable ensuring = Flux.<Void>empty().subscribe();

    SearchIndexes(ElasticsearchAsyncClient client, ElasticsearchProperties properties,
            ApplicationEventPublisher events, List<SearchIndex> declared) {
        this.client = client;
        this.properties = properties;
        this.events = events;
        this.byName = declared.stream().collect(Collectors.toUnmodifiableMap(SearchIndex::name, index -> index));
        this.mappings = declared.stream()
                .collect(Collectors.toUnmodifiableMap(SearchIndex::name, index -> read(index.mappingResource())));
        this.aliasByType = declared.stream().filter(SearchIndex::generalSearch)
                .collect(Collectors.toUnmodifiableMap(SearchIndex::documentType, index -> alias(index.name())));
    }

    /** The alias that reads and writes of the index named {@code name} go through. */
    String alias(String name) {
        return properties.aliasFor(name);
    }

    /** The aliases holding documents of the given API types ({@code city}, …); all when none given. */
    List<String> aliasesFor(List<String> documentTypes) {
        if (documentTypes.isEmpty()) {
            return aliasByType.values().stream().sorted().toList();
        }
        return documentTypes.stream().map(aliasByType::get).filter(Objects::nonNull).toList();
    }

    Set<String> documentTypes() {
        return aliasByType.keySet();
    }

    /** The index declared under {@code name}, if this version of the app has it. */
    Optional<SearchIndex> index(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every declared index, in name order. */
    List<SearchIndex> all() {
        return byName.values().stream().sorted(java.util.Comparator.comparing(SearchIndex::name)).toList();
    }

    /** Completes when the cluster answers within two seconds; fails otherwise. */
    Mono<Void> reachable() {
        return Mono.fromFuture(() -> client.cluster().health(h -> h)).timeout(Duration.ofSeconds(2))
                .publishOn(Schedulers.parallel()).then();
    }

    /** Completes once every index exists on its current mapping; cheap after the first success. */
    Mono<Void> ensured() {
        if (ready.get()) {
            return Mono.empty();
        }
        // one check at a time: callers that come meanwhile share it
        return Mono.defer(() -> inFlight.updateAndGet(current -> current != null ? current
                        : ensureAll().doOnSuccess(done -> ready.set(true)).doFinally(signal -> inFlight.set(null)).cache()))
                .publishOn(Schedulers.parallel());
    }

    /**
     * Forgets that the indexes were ready, after a write found its index gone (a wiped cluster),
     * and ensures them again in the background: they are recreated and rebuilt from MongoDB.
     */
    @EventListener(SearchIndexMissing.class)
    void recreateMissing() {
        if (ready.compareAndSet(true, false)) {
            log.warn("A search index has disappeared: creating it again");
            ensureInBackground();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureInBackground() {
        ensuring = ensured()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(signal -> log.warn("Elasticsearch indexes not ready yet: {}",
                                signal.failure().toString())))
                .subscribe();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        ensuring.dispose();
    }

    /** Ensures every index, then asks for one rebuild of all those that need it. */
    private Mono<Void> ensureAll() {
        return Flux.fromIterable(mappings.keySet())
                .concatMap(name -> ensure(name).map(reason -> Map.entry(name, reason)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .doOnNext(stale -> {
                    if (!stale.isEmpty()) {
                        events.publishEvent(new SearchIndexStale(stale));
                    }
                })
                .then();
    }

    /** Emits why index {@code name} must be rebuilt, if it must. */
    private Mono<String> ensure(String name) {
        String alias = alias(name);
        String current = currentPrefix(name);
        return indicesBehind(alias).flatMap(indices -> {
            if (indices.isEmpty()) {
                return createUnfilled(name, alias).thenReturn("it was missing")
                        // another instance may have done it meanwhile; only then is the failure harmless
                        .onErrorResume(failure -> indicesBehind(alias).flatMap(now -> now.stream()
                                .anyMatch(index -> index.startsWith(current)) ? Mono.<String>empty() : Mono.error(failure)));
            }
            if (indices.stream().noneMatch(index -> index.startsWith(current))) {
                log.info("Index mapping of {} changed: rebuilding it beside {}, which serves until then", alias, indices);
                return Mono.just("its mapping changed");
            }
            if (indices.stream().allMatch(index -> index.endsWith(UNFILLED))) {
                return Mono.just("it was never filled");
            }
            return Mono.<String>empty();
        });
    }

    /** Whether the alias lacks an index that is complete and on the current mapping. */
    Mono<Boolean> needsRebuild(String name) {
        String current = currentPrefix(name);
        return indicesOf(name).map(indices -> indices.stream()
                .noneMatch(index -> index.startsWith(current) && !index.endsWith(UNFILLED)));
    }

    private Mono<List<String>> indicesBehind(String alias) {
        return Mono.fromFuture(() -> client.indices().existsAlias(a -> a.name(alias)))
                .flatMap(exists -> !exists.value() ? Mono.just(List.<String>of())
                        : Mono.fromFuture(() -> client.indices().getAlias(a -> a.name(alias)))
                                .map(found -> List.copyOf(found.result().keySet())));
    }

    /** An empty index behind the alias, so writes land at once; a tracked rebuild fills it. */
    private Mono<Void> createUnfilled(String name, String alias) {
        String index = newIndexName(name) + UNFILLED;
        return Mono.fromFuture(() -> client.indices().create(c -> c
                        .index(index)
                        .withJson(new StringReader(mappings.get(name)))
                        .aliases(alias, a -> a.isWriteIndex(true))))
                .doOnSuccess(done -> log.info("Created index {} behind alias {}", index, alias))
                .then();
    }

    /** The name the next concrete index of {@code name} gets: alias, mapping hash, time. */
    String newIndexName(String name) {
        return currentPrefix(name) + SUFFIX.format(Instant.now());
    }

    private String currentPrefix(String name) {
        return alias(name) + "-" + mappingHash(name) + "-";
    }

    String mapping(String name) {
        return mappings.get(name);
    }

    Set<String> names() {
        return mappings.keySet();
    }

    Mono<List<String>> indicesOf(String name) {
        return indicesBehind(alias(name));
    }

    private String mappingHash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(mappings.get(name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Missing index mapping " + resource, e);
        }
    }
}
