package org.citystep.shared.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Named leases in MongoDB, so that work meant to run once for all app instances runs on one of
 * them at a time. A lease is one document keyed by its name: taking it is an upsert that matches
 * only a lease that is free, expired or already ours, so a second instance's upsert collides with
 * the key and fails. A holder that dies loses its lease when it expires.
 */
@Component
public class Leases {

    static final String COLLECTION = "leases";

    private final ReactiveMongoTemplate template;
    private final Clock clock;
    private final String holder;

    @org.springframework.beans.factory.annotation.Autowired
    public Leases(ReactiveMongoTemplate template, Clock clock) {
        this(template, clock, instanceId());
    }

    Leases(ReactiveMongoTemplate template, Clock clock, String holder) {
        this.template = template;
        this.clock = clock;
        this.holder = holder;
    }

    /** Takes or renews lease {@code name} for {@code duration}; emits whether this instance holds it now. */
    public Mono<Boolean> acquire(String name, Duration duration) {
        Instant now = clock.instant();
        Query takeable = Query.query(where("_id").is(name)
                .orOperator(where("until").lt(now), where("holder").is(holder)));
        return template.upsert(takeable, new Update().set("holder", holder).set("until", now.plus(duration)), COLLECTION)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, taken -> Mono.just(false));
    }

    /** Whether any instance holds lease {@code name} now (one read by key). */
    public Mono<Boolean> isHeld(String name) {
        return template.exists(Query.query(where("_id").is(name).and("until").gt(clock.instant())), COLLECTION);
    }

    /** Gives lease {@code name} up, if this instance holds it. */
    public Mono<Void> release(String name) {
        return template.remove(Query.query(Criteria.where("_id").is(name).and("holder").is(holder)), COLLECTION).then();
    }

    /**
     * Gives every lease up, whoever holds it: only for a database restored from a backup, whose
     * leases belong to processes that no longer exist, while no other instance runs.
     */
    public Mono<Long> releaseAllAfterRestore() {
        return template.remove(new Query(), COLLECTION).map(result -> result.getDeletedCount());
    }

    /** This instance, as lease holders are named: host, process and a random part. */
    private static String instanceId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        }
        catch (java.io.IOException unknown) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
    }
}
