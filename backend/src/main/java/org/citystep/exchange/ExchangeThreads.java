package org.citystep.exchange;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The conversations, every read by {@code _id}: a counter per exchange ({@code exchangeThreads},
 * {@code _id} = exchange id) hands out each message's number with one atomic {@code $inc}, and the
 * messages live in chunks of {@link #CHUNK} ({@code exchangeMessages}, {@code _id} =
 * {@code <exchange id>:<chunk>}), so a page of a conversation is one or two documents read by id
 * whatever its length. A conversation keeps at most {@link #MAX_MESSAGES}.
 */
@Component
class ExchangeThreads {

    static final String THREADS = "exchangeThreads";
    static final String MESSAGES = "exchangeMessages";
    static final int CHUNK = 100;
    static final int MAX_MESSAGES = 5_000;

    private final ReactiveMongoTemplate template;

    ExchangeThreads(ReactiveMongoTemplate template) {
        this.template = template;
    }

    /** Adds a message; emits it with its number. */
    Mono<ExchangeMessage> post(String exchangeId, String authorName, @Nullable String authorCityId,
            ExchangeMessage.AuthorRole role, String text, java.time.Instant now) {
        return template.findAndModify(Query.query(where("_id").is(exchangeId).and("n").lt(MAX_MESSAGES)),
                        new Update().inc("n", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, THREADS)
                .onErrorMap(org.springframework.dao.DataIntegrityViolationException.class,
                        full -> ApiException.conflict("exchange.threadFull", MAX_MESSAGES))
                .flatMap(counter -> {
                    long seq = number(counter.get("n"));
                    ExchangeMessage message = new ExchangeMessage(exchangeId + "-" + seq, seq, authorName,
                            authorCityId, role, text, now);
                    Document stored = new Document("id", message.id()).append("seq", seq)
                            .append("authorName", authorName).append("authorCityId", authorCityId)
                            .append("authorRole", role.name()).append("text", text)
                            .append("createdAt", Date.from(now));
                    Query chunk = Query.query(where("_id").is(chunkId(exchangeId, seq)));
                    Update push = new Update().push("messages", stored);
                    // two first messages of a chunk at once: the one that did not create it adds to it
                    return template.upsert(chunk, push, MESSAGES)
                            .onErrorResume(org.springframework.dao.DataIntegrityViolationException.class,
                                    createdMeanwhile -> template.upsert(chunk, push, MESSAGES))
                            .thenReturn(message);
                });
    }

    /** A page of the conversation, oldest first. */
    Mono<PageResponse<ExchangeMessage>> page(String exchangeId, PageParams page) {
        return count(exchangeId).flatMap(total -> {
            long first = (long) page.page() * page.size() + 1;
            long last = Math.min(total, first + page.size() - 1);
            if (first > last) {
                return Mono.just(new PageResponse<ExchangeMessage>(List.of(), page.page(), page.size(), total));
            }
            List<String> chunks = new ArrayList<>();
            for (long chunk = (first - 1) / CHUNK; chunk <= (last - 1) / CHUNK; chunk++) {
                chunks.add(exchangeId + ":" + chunk);
            }
            return template.find(Query.query(where("_id").in(chunks)), Document.class, MESSAGES)
                    .flatMapIterable(chunk -> chunk.getList("messages", Document.class, List.of()))
                    .map(ExchangeThreads::message)
                    .filter(message -> message.seq() >= first && message.seq() <= last)
                    .collectSortedList(Comparator.comparingLong(ExchangeMessage::seq))
                    .map(items -> new PageResponse<>(items, page.page(), page.size(), total));
        });
    }

    Mono<Long> count(String exchangeId) {
        return template.findById(exchangeId, Document.class, THREADS).map(counter -> number(counter.get("n")))
                .defaultIfEmpty(0L);
    }

    /** The number of messages of each exchange, read by id in one query; exchanges without any are left out. */
    Mono<Map<String, Long>> counts(Collection<String> exchangeIds) {
        if (exchangeIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return template.find(Query.query(where("_id").in(exchangeIds)), Document.class, THREADS)
                .collectMap(counter -> String.valueOf(counter.get("_id")), counter -> number(counter.get("n")));
    }

    private static String chunkId(String exchangeId, long seq) {
        return exchangeId + ":" + (seq - 1) / CHUNK;
    }

    private static ExchangeMessage message(Document stored) {
        return new ExchangeMessage(stored.getString("id"), number(stored.get("seq")), stored.getString("authorName"),
                stored.getString("authorCityId"), ExchangeMessage.AuthorRole.valueOf(stored.getString("authorRole")),
                stored.getString("text"), stored.getDate("createdAt").toInstant());
    }

    private static long number(@Nullable Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
