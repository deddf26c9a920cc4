package org.citystep.exchange;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Counters kept as exchanges change, so statistics and a peer's responsiveness are read by id, not
 * computed by scanning the exchanges: one document {@code all} with counts per step, format, state
 * and usefulness and the latest response times; one document per peer city with the requests it was
 * sent, those it answered and its latest response times. Updated by each write's
 * {@link ExchangeEffect}, once, however often the effect is carried out.
 */
@Component
class ExchangeStatistics {

    static final String STATS = "exchangeStats";
    static final String RESPONSIVENESS = "exchangeResponsiveness";
    static final String ALL = "all";
    static final int RESPONSE_TIMES_KEPT = 1_000;
    static final int PEER_RESPONSE_TIMES_KEPT = 50;
    /** The tokens of the effects each counter document took; an effect is retried within seconds, not thousands of writes later. */
    static final String APPLIED = "applied";
    static final int APPLIED_KEPT = 1_000;

    private final ReactiveMongoTemplate template;

    ExchangeStatistics(ReactiveMongoTemplate template) {
        this.template = template;
    }

    /**
     * Counts what a write changed: a new request (in state {@code REQUESTED}), a change of state, the
     * peer's first answer with its response time, an outcome's usefulness. Each counter document
     * takes it in one update that also remembers the effect's token, and an update whose token is
     * remembered already matches nothing: carrying out the same effect twice counts it once.
     */
    Mono<Void> count(ExchangeEffect effect, Exchange exchange) {
        Update all = new Update();
        if (effect.created()) {
            all.inc("byStep." + exchange.step().key(), 1).inc("byFormat." + exchange.format().name(), 1)
                    .inc("byState." + ExchangeState.REQUESTED.name(), 1);
        }
        else if (effect.before() != effect.after()) {
            all.inc("byState." + effect.before().name(), -1).inc("byState." + effect.after().name(), 1);
        }
        Update peer = new Update();
        if (effect.created()) {
            peer.inc("asked", 1);
        }
        if (effect.firstAnswer()) {
            double hours = Duration.between(exchange.createdAt(), effect.answeredAt()).toSeconds() / 3600.0;
            all.push("responseHours").slice(-RESPONSE_TIMES_KEPT).each(hours);
            peer.inc("answered", 1).push("responseHours").slice(-PEER_RESPONSE_TIMES_KEPT).each(hours);
        }
        if (effect.completed() && effect.usefulness() != null) {
            all.inc("usefulness.s" + effect.usefulness(), 1);
        }
        return once(STATS, ALL, all, effect.token())
                .then(once(RESPONSIVENESS, exchange.peerCityId(), peer, effect.token()));
    }

    /** Applies {@code update} to document {@code id} unless the effect {@code token} was applied to it already. */
    private Mono<Void> once(String collection, String id, Update update, String token) {
        if (update.getUpdateObject().isEmpty()) {
            return Mono.empty();
        }
        update.push(APPLIED).slice(-APPLIED_KEPT).each(token);
        return template.upsert(Query.query(where("_id").is(id)), new Update().setOnInsert(APPLIED, List.of()), collection)
                .onErrorResume(org.springframework.dao.DataIntegrityViolationException.class, createdMeanwhile -> Mono.empty())
                .then(template.updateFirst(Query.query(where("_id").is(id).and(APPLIED).ne(token)), update, collection))
                .then();
    }

    Mono<ExchangeStats> stats() {
        return template.findById(ALL, Document.class, STATS).defaultIfEmpty(new Document()).map(ExchangeStatistics::stats);
    }

    static ExchangeStats stats(Document document) {
        List<ExchangeStats.StepCount> byStep = new ArrayList<>();
        map(document, "byStep").forEach((key, count) -> {
            String[] parts = key.split(":");
            if (parts.length == 2) {
                try {
                    MaturityLevel from = MaturityLevel.valueOf(parts[1]);
                    byStep.add(new ExchangeStats.StepCount(new ExchangeStep(Characteristic.valueOf(parts[0]), from,
                            from.next().orElse(from)), count));
                }
                catch (IllegalArgumentException unknown) {
                    // a counter of a code no longer known: left out
                }
            }
        });
        byStep.sort(Comparator.comparingLong(ExchangeStats.StepCount::count).reversed()
                .thenComparing(count -> count.step().characteristic())
                .thenComparing(count -> count.step().fromLevel()));
        Map<ExchangeFormat, Long> byFormat = new EnumMap<>(ExchangeFormat.class);
        for (ExchangeFormat format : ExchangeFormat.values()) {
            byFormat.put(format, map(document, "byFormat").getOrDefault(format.name(), 0L));
        }
        Map<ExchangeState, Long> byState = new EnumMap<>(ExchangeState.class);
        for (ExchangeState state : ExchangeState.values()) {
            byState.put(state, Math.max(0, map(document, "byState").getOrDefault(state.name(), 0L)));
        }
        Map<String, Long> usefulness = new LinkedHashMap<>();
        for (int score = 1; score <= 5; score++) {
            usefulness.put(String.valueOf(score), map(document, "usefulness").getOrDefault("s" + score, 0L));
        }
        return new ExchangeStats(byStep, byFormat, byState, responseTimes(numbers(document, "responseHours")), usefulness);
    }

    static ExchangeStats.ResponseTimes responseTimes(List<Double> hours) {
        if (hours.isEmpty()) {
            return new ExchangeStats.ResponseTimes(null, null, 0);
        }
        List<Double> sorted = hours.stream().sorted().toList();
        return new ExchangeStats.ResponseTimes(percentile(sorted, 0.5), percentile(sorted, 0.9), sorted.size());
    }

    /** Nearest-rank percentile, to one decimal. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        double value = sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        return Math.round(value * 10) / 10.0;
    }

    /** A peer's record of answering: requests sent to it, answered, and the latest response times in hours. */
    record Responsiveness(String cityId, long asked, long answered, List<Double> responseHours) {
    }

    Mono<Map<String, Responsiveness>> responsiveness(java.util.Collection<String> cityIds) {
        if (cityIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return template.find(Query.query(where("_id").in(cityIds)), Document.class, RESPONSIVENESS)
                .map(document -> new Responsiveness(String.valueOf(document.get("_id")), number(document.get("asked")),
                        number(document.get("answered")), numbers(document, "responseHours")))
                .collectMap(Responsiveness::cityId);
    }

    private static Map<String, Long> map(Document document, String field) {
        Object value = document.get(field);
        Map<String, Long> out = new LinkedHashMap<>();
        if (value instanceof Document nested) {
            nested.forEach((key, count) -> out.put(key, number(count)));
        }
        return out;
    }

    private static List<Double> numbers(Document document, String field) {
        Object value = document.get(field);
        List<Double> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> {
                if (item instanceof Number n) {
                    out.add(n.doubleValue());
                }
            });
        }
        return out;
    }

    private static long number(@Nullable Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
