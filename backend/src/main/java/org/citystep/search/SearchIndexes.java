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
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.beans.factory.ObjectProvider;
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
 * {@code <alias>-<mapping hash>-<time>}: when the alias is missing, or points at an index built
 * from another mapping, a new index is created, the alias is moved to it in one atomic step, the
 * old index is dropped, and {@link SearchIndexCreated} tells the owning feature to fill it. Runs
 * when the application is ready and keeps retrying while Elasticsearch is unreachable, so the app
 * starts (and MongoDB writes succeed) without it.
 */
@Component
class SearchIndexes {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final ElasticsearchAsyncClient client;
    private final ElasticsearchProperties properties;
    private final ObjectProvider<SearchSource> sources;
    private final ObjectProvider<SearchIndexer> indexer;
    private final Map<String, String> mappings;
    private final Map<String, String> aliasByType;
    private final AtomicBoolean ready = new AtomicBoolean();
    private Disposable ensuring = Flux.<Void>empty().subscribe();

    SearchIndexes(ElasticsearchAsyncClient client, ElasticsearchProperties properties,
            ObjectProvider<SearchSource> sources, ObjectProvider<SearchIndexer> indexer,
            List<SearchIndexDefinition> definitions) {
        this.client = client;
        this.properties = properties;
        this.sources = sources;
        this.indexer = indexer;
        this.mappings = definitions.stream()
                .collect(Collectors.toUnmodifiableMap(SearchIndexDefinition::name, d -> read(d.mappingResource())));
        this.aliasByType = definitions.stream()
                .collect(Collectors.toUnmodifiableMap(SearchIndexDefinition::documentType, d -> alias(d.name())));
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

    /** Completes when the cluster answers within two seconds; fails otherwise. */
    Mono<Void> reachable() {
        return Mono.fromFuture(() -> client.cluster().health(h -> h)).timeout(Duration.ofSeconds(2))
                .publishOn(Schedulers.parallel()).then();
    }

    /** Completes once every index exists on its current mapping; cheap after the first success. */
    Mono<Void> ensured() {
        return ready.get() ? Mono.empty()
                : ensureAll().doOnSuccess(done -> ready.set(true)).publishOn(Schedulers.parallel());
    }

    /**
     * Forgets that the indexes were ready, after a write found its index gone (a wiped cluster),
     * and ensures them again in the background: they are recreated and refilled from MongoDB.
     */
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

    private Mono<Void> ensureAll() {
        return Flux.fromIterable(mappings.keySet()).concatMap(this::ensure).then();
    }

    private Mono<Void> ensure(String name) {
        String alias = alias(name);
        String current = alias + "-" + mappingHash(name) + "-";
        return indicesBehind(alias).flatMap(indices -> {
            if (indices.stream().anyMatch(index -> index.startsWith(current))) {
                return Mono.<Void>empty();
            }
            return create(name, alias, indices)
                    // another instance may have done it meanwhile; only then is the failure harmless
                    .onErrorResume(failure -> indicesBehind(alias).flatMap(now -> now.stream()
                            .anyMatch(index -> index.startsWith(current)) ? Mono.<Void>empty() : Mono.error(failure)));
        });
    }

    private Mono<List<String>> indicesBehind(String alias) {
        return Mono.fromFuture(() -> client.indices().existsAlias(a -> a.name(alias)))
                .flatMap(exists -> !exists.value() ? Mono.just(List.<String>of())
                        : Mono.fromFuture(() -> client.indices().getAlias(a -> a.name(alias)))
                                .map(found -> List.copyOf(found.result().keySet())));
    }

    private Mono<Void> create(String name, String alias, List<String> previous) {
        String index = newIndexName(name);
        Mono<?> created = Mono.fromFuture(() -> client.indices().create(c -> c
                .index(index)
                .withJson(new StringReader(mappings.get(name)))
                .aliases(alias, a -> a.isWriteIndex(true))));
        if (!previous.isEmpty()) {
            log.info("Index mapping of {} changed: moving the alias from {} to {}", alias, previous, index);
            created = Mono.fromFuture(() -> client.indices().create(c -> c
                            .index(index)
                            .withJson(new StringReader(mappings.get(name)))))
                    .then(Mono.fromFuture(() -> client.indices().updateAliases(u -> u
                            .actions(a -> a.remove(r -> r.indices(previous).alias(alias)))
                            .actions(a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true))))))
                    .then(Mono.fromFuture(() -> client.indices().delete(d -> d.index(previous))));
        }
        return created
                .doOnSuccess(done -> {
                    log.info("Created index {} behind alias {}", index, alias);
                    fill(name);
                })
                .then();
    }

    /** Fills a new, empty index from MongoDB in the background; searches answer meanwhile. */
    private void fill(String name) {
        source(name).ifPresent(source -> indexer.getObject().indexAll(name, source.all()).subscribe(
                count -> log.info("Filled index {} with {} documents from MongoDB", alias(name), count),
                failure -> log.warn("Could not fill index {}: {}", alias(name), failure.toString())));
    }

    java.util.Optional<SearchSource> source(String name) {
        return sources.orderedStream().filter(source -> source.indexName().equals(name)).findFirst();
    }

    /** The name the next concrete index of {@code name} gets: alias, mapping hash, time. */
    String newIndexName(String name) {
        return alias(name) + "-" + mappingHash(name) + "-" + SUFFIX.format(Instant.now());
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
