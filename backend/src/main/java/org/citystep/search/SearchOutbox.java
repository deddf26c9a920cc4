package org.citystep.search;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.citystep.shared.mongo.Leases;
import org.citystep.shared.paging.PageParams;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The documents whose latest write may not have reached search yet, one small MongoDB document
 * each, keyed by index and document id. A write records its entry <em>before</em> it changes the
 * source document, so a crash at any point leaves the entry behind; indexing settles it. The
 * catch-up worker reads only this collection, which holds what is pending and nothing else, so no
 * loop ever scans the 100k case studies themselves.
 */
@Component
public class SearchOutbox {

    static final String COLLECTION = "search_outbox";
    /** The writer indexes at once; the worker steps in only after that had its chance. */
    static final Duration WRITER_GRACE = Duration.ofSeconds(5);
    /** The defaults of the backoff settings ({@code citystep.elasticsearch.retry-*}). */
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration MAX_RETRY = Duration.ofMinutes(10);
    /** After so many failures (about 40 minutes of trying) an entry is a dead letter: an admin looks at it. */
    static final int MAX_ATTEMPTS = 10;
    private static final String DEAD_LETTER = "deadLetter";

    /**
     * While a rebuild runs, a settled entry is kept, marked {@code settledAt}, instead of removed: the
     * rebuild replays every entry settled since it began into its new index, so a removal or a
     * fan-out that reached only the old index meanwhile (neither leaves a newer {@code updatedAt}
     * behind) is not lost. Whether one runs is read at most once per {@link #REBUILD_NOTICE}; a rebuild
     * waits that long after taking its lease before it reads anything.
     */
    static final Duration REBUILD_NOTICE = Duration.ofSeconds(1);
    static final String SETTLED_AT = "settledAt";

    private final ReactiveMongoTemplate template;
    private final Clock clock;
    private final Mono<Boolean> rebuildRunning;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final int maxAttempts;

    SearchOutbox(ReactiveMongoTemplate template, Clock clock, Leases leases) {
        this(template, clock, leases, FIRST_RETRY, MAX_RETRY, MAX_ATTEMPTS);
    }

    /**
     * @param firstRetry  the pause after a document's first failure; it doubles with every further one
     * @param maxRetry    the longest pause
     * @param maxAttempts after so many refusals of a document it is a dead letter
     */
    @Autowired
    SearchOutbox(ReactiveMongoTemplate template, Clock clock, Leases leases,
            @Value("${citystep.elasticsearch.retry-first:10s}") Duration firstRetry,
            @Value("${citystep.elasticsearch.retry-max:10m}") Duration maxRetry,
            @Value("${citystep.elasticsearch.dead-letter-after:10}") int maxAttempts) {
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("Search retries need 0 < retry-first <= retry-max and dead-letter-after >= 1, not "
                    + firstRetry + ", " + maxRetry + ", " + maxAttempts);
        }
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.maxAttempts = maxAttempts;
        this.template = template;
        this.clock = clock;
        this.rebuildRunning = leases.isHeld(SearchRebuilds.LEASE)
                .cache(running -> REBUILD_NOTICE, failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** Records that document {@code documentId} of {@code index} is about to change. */
    public Mono<PendingWrite> add(String index, String documentId) {
        PendingWrite pending = new PendingWrite(index, documentId, token());
        return template.upsert(byKey(index, documentId), fresh(pending).set("dueAt", clock.instant().plus(WRITER_GRACE)),
                        COLLECTION)
                .thenReturn(pending);
    }

    /**
     * Records, before the write, that the documents other indexes build from document
     * {@code documentId} of {@code index} must be indexed again (a city moved: its case studies show
     * its region). The catch-up worker expands the entry into theirs, in bulk, and only then settles
     * it, so a crash at any point leaves either this entry or theirs.
     */
    public Mono<Void> addDependents(String index, String documentId) {
        return add(DEPENDENTS_OF + index, documentId).then();
    }

    /** The outbox "index" of entries that stand for the dependents of a document of another index. */
    static final String DEPENDENTS_OF = "dependents-of:";

    /** Records many documents of one index at once (a bulk change); the worker indexes them in bulk. */
    public Mono<Void> addAll(String index, Collection<String> documentIds) {
        if (documentIds.isEmpty()) {
            return Mono.empty();
        }
        ReactiveBulkOperations bulk = template.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (String id : documentIds) {
            bulk.upsert(byKey(index, id), fresh(new PendingWrite(index, id, token()))
                    .set("dueAt", clock.instant()));
        }
        return bulk.execute().then();
    }

    /** Clears the entry if no newer write replaced it meanwhile; emits whether it was cleared. */
    public Mono<Boolean> settle(PendingWrite pending) {
        return rebuildRunning.flatMap(keep -> keep
                ? template.updateFirst(byKeyAndToken(pending), settled(), COLLECTION).map(result -> result.getMatchedCount() > 0)
                : template.remove(byKeyAndToken(pending), COLLECTION).map(result -> result.getDeletedCount() > 0));
    }

    Mono<Void> settleAll(Collection<PendingWrite> settled) {
        if (settled.isEmpty()) {
            return Mono.empty();
        }
        return rebuildRunning.flatMap(keep -> {
            ReactiveBulkOperations bulk = template.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            settled.forEach(pending -> {
                if (keep) {
                    bulk.updateOne(byKeyAndToken(pending), settled());
                }
                else {
                    bulk.remove(byKeyAndToken(pending));
                }
            });
            return bulk.execute();
        }).then();
    }

    private Update settled() {
        return new Update().set(SETTLED_AT, clock.instant()).unset("dueAt");
    }

    /**
     * The ids of documents of {@code index} whose entries were settled at or after {@code since} and
     * kept for a running rebuild, in batches of {@code batch}.
     */
    Flux<List<String>> settledSince(String index, java.time.Instant since, int batch) {
        Query query = Query.query(where("index").is(index).and(SETTLED_AT).gte(since));
        query.fields().include("documentId");
        return template.find(query, Document.class, COLLECTION).map(entry -> entry.getString("documentId")).buffer(batch);
    }

    /** Removes the entries kept settled for a rebuild that has ended; emits how many. */
    Mono<Long> forgetSettled() {
        return template.remove(Query.query(where(SETTLED_AT).exists(true)), COLLECTION)
                .map(result -> result.getDeletedCount());
    }

    /** An entry due for the worker, with how often indexing it failed before. */
    record Due(PendingWrite write, int attempts) {
    }

    /** Up to {@code limit} entries whose time has come, longest waiting first. */
    Flux<Due> due(int limit) {
        Query query = Query.query(where("dueAt").lte(clock.instant())).with(Sort.by("dueAt")).limit(limit);
        return template.find(query, Document.class, COLLECTION)
                .map(entry -> new Due(new PendingWrite(entry.getString("index"), entry.getString("documentId"),
                        entry.getString("token")), entry.getInteger("attempts", 0)));
    }

    /**
     * Indexing these failed: each is tried again after a backoff that doubles with every failure
     * (by default 10 s up to 10 min), so a document that cannot be indexed never holds up the others. After
     * {@code dead-letter-after} (by default {@value #MAX_ATTEMPTS}) refusals of the document itself ({@code refused}) it becomes a dead letter,
     * no longer tried until an admin retries it; a batch that failed as a whole (Elasticsearch went
     * away meanwhile) only waits.
     */
    Mono<Void> retryLater(Collection<Due> failed, String reason, boolean refused) {
        return retryLater(failed, due -> reason, refused);
    }

    /** As above, with each entry's own reason (what Elasticsearch said of its document). */
    Mono<Void> retryLater(Collection<Due> failed, java.util.function.Function<Due, String> reasons, boolean refused) {
        if (failed.isEmpty()) {
            return Mono.empty();
        }
        ReactiveBulkOperations bulk = template.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (Due due : failed) {
            int attempts = refused ? due.attempts() + 1 : Math.min(due.attempts() + 1, Math.max(maxAttempts - 1, 1));
            Update update = new Update().set("attempts", attempts).set("lastError", reasons.apply(due));
            if (refused && attempts >= maxAttempts) {
                update.unset("dueAt").set(DEAD_LETTER, true).set("deadSince", clock.instant());
            }
            else {
                update.set("dueAt", clock.instant().plus(backoff(attempts, firstRetry, maxRetry)));
            }
            bulk.updateOne(byKeyAndToken(due.write()), update);
        }
        return bulk.execute().then();
    }

    /** How many writes wait for search, dead letters included; the count of a small collection. */
    public Mono<Long> size() {
        return template.count(Query.query(where(SETTLED_AT).exists(false)), COLLECTION);
    }

    /** A write whose document could not be indexed after {@value #MAX_ATTEMPTS} tries. */
    public record DeadLetter(String index, String documentId, int attempts, @Nullable String lastError,
            java.time.@Nullable Instant deadSince) {
    }

    public Mono<Long> deadLetterCount() {
        return template.count(Query.query(where(DEAD_LETTER).is(true)), COLLECTION);
    }

    /** A page of dead letters, in key order. */
    public Flux<DeadLetter> deadLetters(PageParams page) {
        Query query = Query.query(where(DEAD_LETTER).is(true)).with(page.toPageRequest(Sort.by("_id")));
        return template.find(query, Document.class, COLLECTION)
                .map(entry -> new DeadLetter(entry.getString("index"), entry.getString("documentId"),
                        entry.getInteger("attempts", 0), entry.getString("lastError"),
                        entry.getDate("deadSince") == null ? null : entry.getDate("deadSince").toInstant()));
    }

    /** Makes every dead letter due again, with a fresh count of attempts; emits how many. */
    public Mono<Long> retryDeadLetters() {
        return template.updateMulti(Query.query(where(DEAD_LETTER).is(true)), new Update().set("dueAt", clock.instant())
                        .set("attempts", 0).unset(DEAD_LETTER).unset("deadSince"), COLLECTION)
                .map(result -> result.getModifiedCount());
    }

    /** Unique, not secret: 128 random bits without SecureRandom, which may block reading the OS entropy source. */
    private static String token() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    static Duration backoff(int attempts) {
        return backoff(attempts, FIRST_RETRY, MAX_RETRY);
    }

    static Duration backoff(int attempts, Duration first, Duration max) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 16);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static Update fresh(PendingWrite pending) {
        return new Update().set("index", pending.index()).set("documentId", pending.documentId())
                .set("token", pending.token()).set("attempts", 0).unset("lastError").unset(DEAD_LETTER)
                .unset("deadSince").unset(SETTLED_AT);
    }

    private static Query byKey(String index, String documentId) {
        return Query.query(where("_id").is(key(index, documentId)));
    }

    private static Query byKeyAndToken(PendingWrite pending) {
        return Query.query(where("_id").is(key(pending.index(), pending.documentId())).and("token").is(pending.token()));
    }

    static String key(String index, String documentId) {
        return index + "/" + documentId;
    }

    static List<String> documentIds(Collection<Due> due) {
        return due.stream().map(d -> d.write().documentId()).toList();
    }
}
