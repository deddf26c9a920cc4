package org.citystep.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.citystep.security.CurrentUser;
import org.citystep.shared.mongo.IdBatches;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where every write is recorded. Services chain {@link #record} into the write's answer, after the
 * write itself succeeded: the entry is durable when the client hears 2xx. If the process dies
 * between the write and its entry, the client heard nothing and the write is the only trace.
 *
 * <p>Each entry is also marked pending (collection {@code auditPending}, keyed by the entry's id,
 * written before the entry) until its readers downstream (the audit read model and notifications)
 * have taken it: {@link #pending} and {@link #taken}. The mark is the durable cursor of that work:
 * what a crash interrupts is taken again, and readers keep their own work idempotent by entry id.
 * The pending collection stays small (it is drained every second or so), so reading it is cheap on
 * the embedded server, which has no secondary indexes.
 */
@Service
public class AuditLog {

    /** The actor of the app's own jobs (reminders, reconcilers). */
    public static final String SYSTEM = "system";

    static final String PENDING = "auditPending";

    private final AuditRecords records;
    private final ReactiveMongoTemplate template;
    private final Clock clock;

    AuditLog(AuditRecords records, ReactiveMongoTemplate template, Clock clock) {
        this.records = records;
        this.template = template;
        this.clock = clock;
    }

    public Mono<AuditRecord> record(CurrentUser actor, AuditEvent event) {
        return insert(stored(actor.isAnonymous() ? SYSTEM : actor.subject(),
                actor.isAnonymous() ? SYSTEM : actor.username(), event));
    }

    /** For the app's own jobs, which act for nobody. */
    public Mono<AuditRecord> recordSystem(AuditEvent event) {
        return insert(stored(SYSTEM, SYSTEM, event));
    }

    /**
     * Records {@code event} under the id {@code entryId} chosen by the writer, once: a write whose
     * follow-up work is retried after a crash records it again with the same id, and finds it there.
     */
    public Mono<Void> recordOnce(String entryId, Instant at, String actorId, String actorName, AuditEvent event) {
        AuditRecord entry = new AuditRecord(entryId, at, actorId, actorName, event.action(), event.resourceType(),
                event.resourceId(), event.cityId(), event.versionBefore(), event.versionAfter(), event.details(),
                event.note());
        return records.existsById(entryId).flatMap(recorded -> recorded ? Mono.<Void>empty()
                // the mark is dated now, as marks are: a retry long after the write is not taken for a dead writer's
                : template.insert(new Document("_id", new ObjectId(entryId)).append("at", java.util.Date.from(clock.instant())),
                        PENDING)
                        .onErrorResume(DuplicateKeyException.class, markedBefore -> Mono.empty())
                        .then(records.insert(entry))
                        .onErrorResume(DuplicateKeyException.class, writtenMeanwhile -> Mono.empty())
                        .then());
    }

    private Mono<AuditRecord> insert(AuditRecord entry) {
        return template.insert(new Document("_id", new ObjectId(entry.id())).append("at", java.util.Date.from(entry.at())), PENDING)
                .then(records.insert(entry));
    }

    /** One pending entry: its id, and when it was marked (an entry not written a while later never will be). */
    public record Pending(String id, Instant markedAt) {
    }

    /** Up to {@code max} entries not yet taken by their readers, oldest first. */
    public Flux<Pending> pending(int max) {
        Query oldestFirst = new Query().with(Sort.by("_id")).limit(max);
        return template.find(oldestFirst, Document.class, PENDING)
                .map(mark -> new Pending(mark.get("_id").toString(), mark.getDate("at").toInstant()));
    }

    /** The readers are done with entry {@code id} (marks are keyed by ObjectId, as the entries are). */
    public Mono<Void> taken(String id) {
        return template.remove(Query.query(where("_id").is(new ObjectId(id))), PENDING).then();
    }

    /** How long after its mark an entry that is still missing counts as never written (its writer died). */
    public static final Duration WRITE_GRACE = Duration.ofMinutes(1);

    /** The entries with these ids; ids without an entry are left out. */
    public Flux<AuditRecord> byIds(Collection<String> ids) {
        return records.findAllById(ids);
    }

    public Mono<Long> count() {
        return records.count();
    }

    /** Every entry in bounded memory (for a rebuild of the read model; a background job). */
    public Flux<AuditRecord> all(int batchSize) {
        return IdBatches.all(template, AuditRecord.class, batchSize);
    }

    /** The entries written since {@code since} (a scan: for a rebuild's replay only). */
    public Flux<AuditRecord> writtenSince(Instant since, int batchSize) {
        return IdBatches.matching(template, Query.query(where("at").gte(since)), AuditRecord.class, batchSize);
    }

    private AuditRecord stored(String actorId, String actorName, AuditEvent event) {
        return new AuditRecord(new ObjectId().toHexString(), clock.instant(), actorId, actorName, event.action(),
                event.resourceType(), event.resourceId(), event.cityId(), event.versionBefore(),
                event.versionAfter(), event.details(), event.note());
    }
}
