package org.citystep.audit;

import java.time.Clock;

import org.bson.types.ObjectId;
import org.citystep.security.CurrentUser;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Where every write is recorded. Services chain {@link #record} into the write's answer, after the
 * write itself succeeded: the entry is durable when the client hears 2xx. If the process dies
 * between the write and its entry, the client heard nothing and the write is the only trace.
 */
@Service
public class AuditLog {

    /** The actor of the app's own jobs (reminders, reconcilers). */
    public static final String SYSTEM = "system";

    private final AuditRecords records;
    private final Clock clock;

    AuditLog(AuditRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    public Mono<AuditRecord> record(CurrentUser actor, AuditEvent event) {
        return records.insert(stored(actor.isAnonymous() ? SYSTEM : actor.subject(),
                actor.isAnonymous() ? SYSTEM : actor.username(), event));
    }

    /** For the app's own jobs, which act for nobody. */
    public Mono<AuditRecord> recordSystem(AuditEvent event) {
        return records.insert(stored(SYSTEM, SYSTEM, event));
    }

    private AuditRecord stored(String actorId, String actorName, AuditEvent event) {
        return new AuditRecord(new ObjectId().toHexString(), clock.instant(), actorId, actorName, event.action(),
                event.resourceType(), event.resourceId(), event.cityId(), event.versionBefore(),
                event.versionAfter(), event.details(), event.note());
    }
}
