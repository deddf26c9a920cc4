package org.citystep.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.StringReader;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
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
 * Makes sure every declared index exists behind its alias. Runs when the application is ready and
 * keeps retrying in the background while Elasticsearch is unreachable, so the app starts (and
 * MongoDB writes succeed) without it.
 */
@Component
class SearchIndexes {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final ElasticsearchAsyncClient client;
    private final ElasticsearchProperties properties;
    private final Map<String, String> mappings;
    private final Map<String, String> aliasByType;
    private final AtomicBoolean ready = new AtomicBoolean();
    private Disposable ensuring = Flux.<Void>empty().subscribe();

    SearchIndexes(ElasticsearchAsyncClient client, ElasticsearchProperties properties,
            List<SearchIndexDefinition> definitions) {
        this.client = client;
        this.properties = properties;
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
        return documentTypes.stream().map(aliasByType::get).filter(java.util.Objects::nonNull).toList();
    }

    java.util.Set<String> documentTypes() {
        return aliasByType.keySet();
    }

    /** Completes once every index exists; cheap after the first success. */
    Mono<Void> ensured() {
        return ready.get() ? Mono.empty()
                : ensureAll().doOnSuccess(done -> ready.set(true)).publishOn(Schedulers.parallel());
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
        return aliasExists(alias)
                .flatMap(exists -> exists ? Mono.<Void>empty() : create(name, alias)
                        // another instance may have created it meanwhile; only then is the failure harmless
                        .onErrorResume(failure -> aliasExists(alias)
                                .flatMap(created -> created ? Mono.<Void>empty() : Mono.error(failure))));
    }

    private Mono<Boolean> aliasExists(String alias) {
        return Mono.fromFuture(() -> client.indices().existsAlias(a -> a.name(alias))).map(r -> r.value());
    }

    private Mono<Void> create(String name, String alias) {
        String index = alias + "-" + SUFFIX.format(java.time.Instant.now());
        return Mono.fromFuture(() -> client.indices().create(c -> c
                        .index(index)
                        .withJson(new StringReader(mappings.get(name)))
                        .aliases(alias, a -> a.isWriteIndex(true))))
                .doOnNext(created -> log.info("Created index {} behind alias {}", index, alias))
                .then();
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
