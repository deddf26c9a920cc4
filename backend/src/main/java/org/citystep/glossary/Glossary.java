package org.citystep.glossary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * This instance's copy of the glossary, held in memory: search looks every query up in it, so a
 * lookup costs no round trip. It is read again after every write here at once, and within
 * {@code citystep.glossary.refresh-interval} after a write on another instance (each write
 * increments a revision counter that every instance polls), and at least every five minutes. The
 * glossary is seeded once from {@code glossary/terms.json} at start-up.
 */
@Component
public class Glossary {

    private static final Logger log = LoggerFactory.getLogger(Glossary.class);
    static final String SEED = "glossary/terms.json";

    private record Snapshot(long revision, List<GlossaryTerm> terms, TermLookup lookup, long readAtNanos) {
        static final Snapshot EMPTY = new Snapshot(-1, List.of(), new TermLookup(List.of()), System.nanoTime());
    }

    /**
     * Read again at least this often even when the revision did not move: a writer that died
     * between its write and the revision's increment would otherwise leave the others behind.
     */
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private record GlossarySeedFile(Map<String, String> note, List<SeedTerm> terms) {
    }

    private record SeedTerm(String id, GlossaryCategory category, @Nullable String code, List<String> en, List<String> zh) {
    }

    private final GlossaryTerms terms;
    private final ReactiveMongoTemplate template;
    private final Clock clock;
    private final Duration refreshInterval;
    private final List<SeedTerm> seed;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private Disposable polling = Flux.<Long>empty().subscribe();

    Glossary(GlossaryTerms terms, ReactiveMongoTemplate template, Clock clock, JsonMapper json,
            @Value("${citystep.glossary.refresh-interval:5s}") Duration refreshInterval) {
        this.terms = terms;
        this.template = template;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
            this.seed = json.readValue(in, GlossarySeedFile.class).terms();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SEED, e);
        }
    }

    /** The glossary's terms found in {@code text} (a query, a title), longest first. */
    public List<TermMatch> find(String text) {
        return snapshot.lookup().find(text);
    }

    /** Every term, by id: small enough to hold (at most {@link GlossaryService#MAX_TERMS}). */
    List<GlossaryTerm> all() {
        return snapshot.terms();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        // until the first read succeeds (MongoDB may still be coming up), searches run without expansion
        polling = seeded().then(reload())
                .doOnError(failure -> log.warn("Glossary not read yet, trying again: {}", failure.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .thenMany(Flux.interval(refreshInterval, refreshInterval)
                        .concatMap(tick -> currentRevision()
                                .filter(revision -> revision != snapshot.revision()
                                        || System.nanoTime() - snapshot.readAtNanos() > MAX_AGE.toNanos())
                                .flatMap(changed -> reload())
                                .onErrorResume(failure -> {
                                    log.warn("Glossary not re-read, trying again in {}: {}", refreshInterval, failure.toString());
                                    return Mono.empty();
                                }), 1))
                .subscribe(ignored -> { }, failure -> log.error("Glossary refresh stopped", failure));
    }

    @PreDestroy
    void stop() {
        polling.dispose();
    }

    /** Reads the glossary again; the revision first, so a write that lands meanwhile is read at the next poll. */
    Mono<Void> reload() {
        return currentRevision().flatMap(revision -> terms.findAll().collectList().map(all -> {
            List<GlossaryTerm> sorted = all.stream().sorted(Comparator.comparing(GlossaryTerm::id)).toList();
            return new Snapshot(revision, sorted, new TermLookup(sorted), System.nanoTime());
        })).doOnNext(read -> {
            snapshot = read;
            log.debug("Glossary read: {} terms at revision {}", read.terms().size(), read.revision());
        }).then();
    }

    /** Counts a change for every instance. */
    Mono<Long> bumpRevision() {
        return template.findAndModify(Query.query(Criteria.where("_id").is(GlossaryRevision.ID)),
                        new Update().inc("value", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
                        GlossaryRevision.class)
                .map(GlossaryRevision::value);
    }

    private Mono<Long> currentRevision() {
        return template.findById(GlossaryRevision.ID, GlossaryRevision.class).map(GlossaryRevision::value)
                .defaultIfEmpty(0L);
    }

    /**
     * Seeds the glossary once, from {@value #SEED}: each term is inserted unless one with its id
     * exists, and the revision then records that seeding is done. Instances starting together, or a
     * start after a crash in the middle, finish the same seed; terms curators deleted later stay deleted.
     */
    private Mono<Void> seeded() {
        return template.findById(GlossaryRevision.ID, GlossaryRevision.class)
                .map(GlossaryRevision::isSeeded).defaultIfEmpty(false)
                .flatMap(done -> done ? Mono.<Void>empty() : insertSeed());
    }

    private Mono<Void> insertSeed() {
        var now = clock.instant();
        return Flux.fromIterable(seed).buffer(200)
                .concatMap(batch -> {
                    var bulk = template.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED,
                            GlossaryTerm.class);
                    for (SeedTerm term : batch) {
                        Update insert = new Update().setOnInsert("category", term.category()).setOnInsert("code", term.code())
                                .setOnInsert("en", term.en()).setOnInsert("zh", term.zh()).setOnInsert("updatedAt", now)
                                .setOnInsert("updatedBy", "seed").setOnInsert("version", 0L);
                        bulk.upsert(Query.query(Criteria.where("_id").is(term.id())), insert);
                    }
                    return bulk.execute().map(result -> (long) result.getUpserts().size());
                })
                .reduce(0L, Long::sum)
                .flatMap(inserted -> template.findAndModify(Query.query(Criteria.where("_id").is(GlossaryRevision.ID)),
                                new Update().inc("value", 1).set("seeded", true),
                                FindAndModifyOptions.options().upsert(true).returnNew(true), GlossaryRevision.class)
                        .doOnNext(revision -> log.info("Glossary seeded with {} terms from {}", inserted, SEED)))
                .then();
    }
}
