package org.citystep.exchange;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.ProblemType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The limits against abuse, race-free and read by {@code _id}.
 *
 * <ul>
 * <li>Open requests are counted per asking city in one counter document holding the open exchanges'
 * ids: a new request takes a place with one conditional {@code findAndModify} ({@code open < max},
 * then {@code $inc} and {@code $push} of its id), so two requests at the same moment can never both
 * take the last place; a request that stops being open gives its place back by id, so giving it back
 * twice (a retried effect) frees one place, not two. A place whose request was never written (its
 * writer died) is found when the counter is full and freed.</li>
 * <li>One open request per asking city, peer and step: a claim keyed by the three, naming the
 * exchange, taken before the request is written and given back when it closes. A claim whose
 * exchange was never written, or is closed with nothing left to do, is taken over.</li>
 * <li>A declined request leaves a mark keyed by asking city, peer and step, which refuses the same
 * request until its time is over.</li>
 * </ul>
 */
@Component
class ExchangeLimits {

    static final String OPEN = "exchangeOpenCounts";
    static final String DECLINES = "exchangeDeclines";
    static final String OPEN_REQUESTS = "exchangeOpenRequests";
    /** A place or claim whose exchange is still missing this long after its id was made was never written. */
    static final Duration WRITE_GRACE = Duration.ofMinutes(1);

    private final ReactiveMongoTemplate template;
    private final Exchanges exchanges;
    private final Clock clock;

    ExchangeLimits(ReactiveMongoTemplate template, Exchanges exchanges, Clock clock) {
        this.template = template;
        this.exchanges = exchanges;
        this.clock = clock;
    }

    /**
     * Takes one of the city's {@code max} places for open requests for exchange {@code exchangeId},
     * or fails with 429. The counter is created first if missing (two creations at once: one wins,
     * the other is ignored); then one conditional {@code findAndModify} on it either takes a place or
     * matches nothing: full. A full counter is checked once for places held by requests that are not
     * open (or were never written), which are given back before the second try.
     */
    Mono<Void> takeOpenPlace(String cityId, String exchangeId, int max) {
        Query counter = Query.query(where("_id").is(cityId));
        return template.upsert(counter, new Update().setOnInsert("open", 0).setOnInsert("ids", List.of()), OPEN)
                .onErrorResume(DataIntegrityViolationException.class, createdMeanwhile -> Mono.empty())
                .then(take(cityId, exchangeId, max))
                .switchIfEmpty(Mono.defer(() -> freeStalePlaces(cityId).then(take(cityId, exchangeId, max))))
                .switchIfEmpty(Mono.error(() -> limitReached(max)))
                .then();
    }

    private Mono<Document> take(String cityId, String exchangeId, int max) {
        Query notFull = Query.query(where("_id").is(cityId).and("open").lt(max).and("ids").ne(exchangeId));
        return template.findAndModify(notFull, new Update().inc("open", 1).push("ids", exchangeId),
                FindAndModifyOptions.options().returnNew(true), Document.class, OPEN);
    }

    /**
     * Recounts a full counter from the exchanges it names: places whose exchanges are closed, or were
     * never written, are given back. A counter of an older build names none (it only counted): it is
     * set to what it can prove, nothing. The counter is replaced only if nobody changed it meanwhile.
     */
    private Mono<Void> freeStalePlaces(String cityId) {
        return template.findById(cityId, Document.class, OPEN)
                .flatMap(found -> {
                    boolean counted = found.containsKey("ids");
                    List<String> ids = found.getList("ids", String.class, List.of());
                    return exchanges.findAllById(ids).collectMap(Exchange::id)
                            .flatMap(written -> {
                                List<String> held = ids.stream().filter(id -> written.containsKey(id)
                                        ? written.get(id).state().open() : !neverWritten(id)).toList();
                                Query unchanged = Query.query(where("_id").is(cityId).and("open").is(found.get("open"))
                                        .and("ids").is(counted ? ids : null));
                                return template.updateFirst(unchanged, new Update().set("ids", held).set("open", held.size()),
                                        OPEN);
                            });
                })
                .then();
    }

    /** Whether exchange {@code id}, not found, was never written: its id (an ObjectId) was made long enough ago. */
    private boolean neverWritten(String id) {
        return !ObjectId.isValid(id)
                || new ObjectId(id).getDate().toInstant().isBefore(clock.instant().minus(WRITE_GRACE));
    }

    private static ApiException limitReached(int max) {
        return new ApiException(ProblemType.EXCHANGE_LIMIT, "exchange.limit", max).with("limit", max);
    }

    /** Gives back the place of exchange {@code exchangeId}, if it holds one (declined, cancelled, completed, or never written). */
    Mono<Void> releaseOpenPlace(String cityId, String exchangeId) {
        return template.updateFirst(Query.query(where("_id").is(cityId).and("ids").is(exchangeId)),
                new Update().inc("open", -1).pull("ids", exchangeId), OPEN).then();
    }

    /** The open requests the city has now. */
    Mono<Long> openCount(String cityId) {
        return template.findById(cityId, Document.class, OPEN)
                .map(counter -> counter.get("open") instanceof Number n ? n.longValue() : 0L)
                .defaultIfEmpty(0L);
    }

    /**
     * Claims the one open request of the asking city to the peer about the step for exchange
     * {@code exchangeId}, or fails with 409 naming the open request there is. A claim left by an
     * exchange that is closed, or was never written, is taken over (only by one of two at once).
     */
    Mono<Void> claimRequest(String askingCityId, String peerCityId, ExchangeStep step, String exchangeId) {
        String key = declineKey(askingCityId, peerCityId, step);
        return template.insert(new Document("_id", key).append("exchangeId", exchangeId), OPEN_REQUESTS)
                .then()
                .onErrorResume(DuplicateKeyException.class, claimed -> template.findById(key, Document.class, OPEN_REQUESTS)
                        .flatMap(claim -> {
                            String holder = claim.getString("exchangeId");
                            return exchanges.findById(holder)
                                    .flatMap(existing -> existing.state().open() ? Mono.error(alreadyOpen(holder))
                                            // closed, but what follows from that (a decline mark) is not done yet
                                            : !existing.pendingEffects().isEmpty()
                                                    ? Mono.error(ApiException.conflict("exchange.busy", holder))
                                                    : Mono.just(false))
                                    .defaultIfEmpty(!neverWritten(holder))
                                    .flatMap(stillOpen -> stillOpen ? Mono.error(alreadyOpen(holder))
                                            : template.updateFirst(Query.query(where("_id").is(key).and("exchangeId").is(holder)),
                                                            new Update().set("exchangeId", exchangeId), OPEN_REQUESTS)
                                                    .flatMap(taken -> taken.getModifiedCount() > 0 ? Mono.<Void>empty()
                                                            : Mono.error(alreadyOpen(holder))));
                        })
                        .then());
    }

    private static ApiException alreadyOpen(String exchangeId) {
        return new ApiException(ProblemType.EXCHANGE_ALREADY_OPEN, "exchange.alreadyOpen", exchangeId).with("exchangeId", exchangeId);
    }

    /** Gives back the claim of exchange {@code exchangeId} (it closed, or was never written). */
    Mono<Void> releaseRequest(String askingCityId, String peerCityId, ExchangeStep step, String exchangeId) {
        return template.remove(Query.query(where("_id").is(declineKey(askingCityId, peerCityId, step))
                .and("exchangeId").is(exchangeId)), OPEN_REQUESTS).then();
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
