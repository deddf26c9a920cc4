package org.citystep.exchange;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.ProblemType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The limits against abuse, race-free and read by {@code _id}. Open requests are counted per asking
 * city in one counter document: a new request takes a place with one conditional
 * {@code findAndModify} ({@code open < max}, then {@code $inc}), so two requests at the same moment
 * can never both take the last place; a request that stops being open gives its place back. A
 * declined request leaves a mark keyed by asking city, peer and step, which refuses the same
 * request until its time is over.
 */
@Component
class ExchangeLimits {

    static final String OPEN = "exchangeOpenCounts";
    static final String DECLINES = "exchangeDeclines";

    private final ReactiveMongoTemplate template;

    ExchangeLimits(ReactiveMongoTemplate template) {
        this.template = template;
    }

    /**
     * Takes one of the city's {@code max} places for open requests, or fails with 429. The counter is
     * created first if missing (two creations at once: one wins, the other is ignored); then one
     * conditional {@code findAndModify} on it either takes a place or matches nothing: full.
     */
    Mono<Void> takeOpenPlace(String cityId, int max) {
        Query counter = Query.query(where("_id").is(cityId));
        Query notFull = Query.query(where("_id").is(cityId).and("open").lt(max));
        return template.upsert(counter, new Update().setOnInsert("open", 0), OPEN)
                .onErrorResume(DataIntegrityViolationException.class, createdMeanwhile -> Mono.empty())
                .then(template.findAndModify(notFull, new Update().inc("open", 1),
                        FindAndModifyOptions.options().returnNew(true), Document.class, OPEN))
                .switchIfEmpty(Mono.error(() -> limitReached(max)))
                .then();
    }

    private static ApiException limitReached(int max) {
        return new ApiException(ProblemType.EXCHANGE_LIMIT, "exchange.limit", max).with("limit", max);
    }

    /** Gives back a place: the request was declined, cancelled or completed (or never written). */
    Mono<Void> releaseOpenPlace(String cityId) {
        return template.updateFirst(Query.query(where("_id").is(cityId).and("open").gt(0)),
                new Update().inc("open", -1), OPEN).then();
    }

    /** The open requests the city has now. */
    Mono<Long> openCount(String cityId) {
        return template.findById(cityId, Document.class, OPEN)
                .map(counter -> counter.get("open") instanceof Number n ? n.longValue() : 0L)
                .defaultIfEmpty(0L);
    }

    static String declineKey(String askingCityId, String peerCityId, ExchangeStep step) {
        return askingCityId + "|" + peerCityId + "|" + step.key();
    }

    Mono<Void> declined(Exchange exchange, Instant at) {
        Update mark = new Update().set("declinedAt", Date.from(at)).set("exchangeId", exchange.id());
        Query key = Query.query(where("_id").is(declineKey(exchange.askingCityId(), exchange.peerCityId(),
                exchange.step())));
        return template.upsert(key, mark, DECLINES)
                .onErrorResume(DataIntegrityViolationException.class, createdMeanwhile -> template.upsert(key, mark, DECLINES))
                .then();
    }

    /** When the peer last declined this very request, if it did. */
    Mono<Optional<Instant>> lastDeclined(String askingCityId, String peerCityId, ExchangeStep step) {
        return template.findById(declineKey(askingCityId, peerCityId, step), Document.class, DECLINES)
                .map(mark -> Optional.ofNullable(mark.getDate("declinedAt")).map(Date::toInstant))
                .defaultIfEmpty(Optional.empty());
    }
}
