package org.citystep.exchange;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.citystep.audit.AuditLog;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries out the {@link ExchangeEffect}s saved in exchanges. A writer marks the exchange due (one
 * small document keyed by its id, with a fresh token) <em>before</em> it saves, saves the change
 * together with its effect, carries the effect out and then settles the mark, if no newer write
 * replaced its token meanwhile. If the writer dies anywhere on that way, the mark stays, and
 * {@link ExchangeEffectsWorker} carries out what the exchange still holds: so a saved change never
 * leaves its place, decline mark, credit, counters or notification undone. The due marks are the
 * only thing that worker reads, so it never scans the exchanges.
 */
@Component
class ExchangeEffects {

    static final String DUE = "exchangeEffectsDue";
    /** By name, not by class: an update by class would count as a new version of the exchange, and make the writer's answer stale. */
    private static final String COLLECTION = "exchanges";

    private final ReactiveMongoTemplate template;
    private final ExchangeLimits limits;
    private final ExchangeCompletions completions;
    private final ExchangeStatistics statistics;
    private final AuditLog audit;
    private final Clock clock;

    ExchangeEffects(ReactiveMongoTemplate template, ExchangeLimits limits, ExchangeCompletions completions,
            ExchangeStatistics statistics, AuditLog audit, Clock clock) {
        this.template = template;
        this.limits = limits;
        this.completions = completions;
        this.statistics = statistics;
        this.audit = audit;
        this.clock = clock;
    }

    /** A mark that an exchange may hold effects not carried out yet, as one writer left it. */
    record DueMark(String exchangeId, String token, Instant markedAt) {
    }

    /** Marks exchange {@code exchangeId} due before a write saves it; emits the mark. */
    Mono<DueMark> markDue(String exchangeId) {
        DueMark due = new DueMark(exchangeId, new ObjectId().toHexString(), clock.instant());
        return template.upsert(Query.query(where("_id").is(exchangeId)),
                        new Update().set("token", due.token()).set("at", Date.from(due.markedAt())), DUE)
                .thenReturn(due);
    }

    /**
     * Carries out every effect {@code exchange} holds, oldest first, removing each from the stored
     * exchange once done; then settles {@code due} unless a newer write marked the exchange again.
     */
    Mono<Void> carryOut(Exchange exchange, DueMark due) {
        return Flux.fromIterable(exchange.pendingEffects())
                .concatMap(effect -> apply(effect, exchange)
                        .then(template.updateFirst(Query.query(where("_id").is(exchange.id())),
                                new Update().pull("pendingEffects", new Document("token", effect.token())), COLLECTION)))
                .then(settle(due));
    }

    private Mono<Void> apply(ExchangeEffect effect, Exchange exchange) {
        Mono<Void> place = effect.closedARequest()
                ? limits.releaseOpenPlace(exchange.askingCityId(), exchange.id())
                        .then(limits.releaseRequest(exchange.askingCityId(), exchange.peerCityId(), exchange.step(),
                                exchange.id()))
                : Mono.empty();
        Mono<Void> declined = effect.declined() ? limits.declined(exchange, effect.at()) : Mono.empty();
        Mono<Void> completed = effect.completed() ? completions.completed(exchange, effect.at()) : Mono.empty();
        Mono<Void> recorded = effect.audit() == null || effect.auditId() == null ? Mono.empty()
                : audit.recordOnce(effect.auditId(), effect.at(), effect.actorId(), effect.actorName(), effect.audit());
        // the decline is remembered before the claim is given back: else the same request could slip in between
        return declined.then(completed).then(place).then(statistics.count(effect, exchange)).then(recorded);
    }

    /** Removes the mark, unless a newer write replaced its token (that write settles its own). */
    Mono<Void> settle(DueMark due) {
        return template.remove(Query.query(where("_id").is(due.exchangeId()).and("token").is(due.token())), DUE).then();
    }

    /** Up to {@code max} marks older than {@code before}, oldest first (the collection holds only what is due). */
    Flux<DueMark> overdue(Instant before, int max) {
        return template.find(Query.query(where("at").lt(Date.from(before))).with(Sort.by("at")).limit(max), Document.class, DUE)
                .map(mark -> new DueMark(String.valueOf(mark.get("_id")), mark.getString("token"), mark.getDate("at").toInstant()));
    }
}
