package org.citystep.exchange;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The completed exchanges of each city, one document per city keyed by its id (the latest
 * {@link #MAX_KEPT}), written when an outcome is recorded: what a city's profile credits are
 * computed from with one read by id.
 */
@Component
class ExchangeCompletions {

    static final String COMPLETIONS = "exchangeCompletions";
    static final int MAX_KEPT = 500;

    private final ReactiveMongoTemplate template;

    ExchangeCompletions(ReactiveMongoTemplate template) {
        this.template = template;
    }

    record Completion(String exchangeId, Characteristic characteristic, MaturityLevel fromLevel, MaturityLevel toLevel,
            String askingCityId, String peerCityId, Instant completedAt) {
    }

    Mono<Void> completed(Exchange exchange, Instant at) {
        Document entry = new Document("exchangeId", exchange.id())
                .append("characteristic", exchange.step().characteristic().name())
                .append("fromLevel", exchange.step().fromLevel().name())
                .append("toLevel", exchange.step().toLevel().name())
                .append("askingCityId", exchange.askingCityId()).append("peerCityId", exchange.peerCityId())
                .append("completedAt", Date.from(at));
        Update push = new Update().push("entries").slice(-MAX_KEPT).each(entry);
        return Flux.just(exchange.askingCityId(), exchange.peerCityId())
                .concatMap(city -> template.upsert(Query.query(where("_id").is(city)),
                                new Update().setOnInsert("entries", List.of()), COMPLETIONS)
                        .onErrorResume(DataIntegrityViolationException.class, createdMeanwhile -> Mono.empty())
                        .then(template.updateFirst(Query.query(where("_id").is(city).and("entries.exchangeId")
                                .ne(exchange.id())), push, COMPLETIONS)))
                .then();
    }

    Mono<List<Completion>> of(String cityId) {
        return template.findById(cityId, Document.class, COMPLETIONS)
                .map(document -> document.getList("entries", Document.class, List.of()).stream()
                        .map(ExchangeCompletions::completion).toList())
                .defaultIfEmpty(List.of());
    }

    private static Completion completion(Document entry) {
        return new Completion(entry.getString("exchangeId"), Characteristic.valueOf(entry.getString("characteristic")),
                MaturityLevel.valueOf(entry.getString("fromLevel")), MaturityLevel.valueOf(entry.getString("toLevel")),
                entry.getString("askingCityId"), entry.getString("peerCityId"), entry.getDate("completedAt").toInstant());
    }
}
