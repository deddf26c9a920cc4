package org.citystep.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Notifications and read marks in MongoDB, every access by {@code _id} (the embedded server has no
 * secondary indexes): one inbox document per audience holding its latest {@link #MAX_ITEMS}
 * notifications and a change counter {@code n}, and one read-marks document per user (everything
 * delivered up to {@code readBefore} is read, and the ids read one by one after it, bounded).
 */
@Component
class Inboxes {

    static final String INBOXES = "notificationInboxes";
    static final String READS = "notificationReads";
    /** What an audience's inbox keeps; older notifications fall off. */
    static final int MAX_ITEMS = 200;
    /** Ids read one by one that are remembered after the last "read all". */
    static final int MAX_READ_IDS = 500;

    private final ReactiveMongoTemplate template;

    Inboxes(ReactiveMongoTemplate template) {
        this.template = template;
    }

    /** One stored notification; its id is the audit entry's, so one entry notifies an audience once. */
    record Item(String id, Instant at, Instant deliveredAt, String action, String code, List<String> args,
            String link) {
    }

    /** What a reader has read. */
    record Reads(@Nullable Instant readBefore, List<String> ids, long n) {

        boolean isRead(Item item) {
            return (readBefore != null && !item.deliveredAt().isAfter(readBefore)) || ids.contains(item.id());
        }
    }

    /** Adds {@code item} to {@code audience}'s inbox unless it holds it already; emits whether it was added. */
    Mono<Boolean> deliver(String audience, Item item) {
        Document stored = new Document("id", item.id()).append("at", Date.from(item.at()))
                .append("deliveredAt", Date.from(item.deliveredAt())).append("action", item.action())
                .append("code", item.code()).append("args", item.args()).append("link", item.link());
        Query notYetThere = Query.query(where("_id").is(audience).and("items.id").ne(item.id()));
        Update push = new Update().push("items").slice(-MAX_ITEMS).each(stored).inc("n", 1);
        return template.upsert(notYetThere, push, INBOXES)
                .map(result -> result.getModifiedCount() > 0 || result.getUpsertedId() != null)
                .onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.just(false));
    }

    /** The notifications of these audiences, newest first, each once. */
    Mono<List<Item>> items(Collection<String> audiences) {
        return template.find(Query.query(where("_id").in(audiences)), Document.class, INBOXES)
                .flatMapIterable(inbox -> inbox.getList("items", Document.class, List.of()))
                .map(Inboxes::item)
                .collectList()
                .map(all -> {
                    java.util.Map<String, Item> byId = new java.util.LinkedHashMap<>();
                    all.forEach(item -> byId.putIfAbsent(item.id(), item));
                    List<Item> sorted = new ArrayList<>(byId.values());
                    sorted.sort(java.util.Comparator.comparing(Item::deliveredAt).thenComparing(Item::id).reversed());
                    return sorted;
                });
    }

    /** A number that changes whenever one of these inboxes or the reader's marks change: cheap to poll. */
    Mono<Long> changeMark(Collection<String> audiences, String reader) {
        Query counters = Query.query(where("_id").in(audiences));
        counters.fields().include("n");
        Query readCounter = Query.query(where("_id").is(reader));
        readCounter.fields().include("n");
        return template.find(counters, Document.class, INBOXES)
                .concatWith(template.find(readCounter, Document.class, READS))
                .map(document -> document.get("_id") + "=" + number(document.get("n")))
                .sort()
                .reduce(17L, (hash, part) -> hash * 31 + part.hashCode());
    }

    Mono<Reads> reads(String reader) {
        return template.findById(reader, Document.class, READS)
                .map(document -> new Reads(document.getDate("readBefore") == null ? null
                        : document.getDate("readBefore").toInstant(),
                        document.getList("ids", String.class, List.of()), number(document.get("n"))))
                .defaultIfEmpty(new Reads(null, List.of(), 0));
    }

    Mono<Void> markRead(String reader, String id) {
        Update update = new Update().push("ids").slice(-MAX_READ_IDS).each(id).inc("n", 1);
        return template.upsert(Query.query(where("_id").is(reader)), update, READS).then();
    }

    Mono<Void> markAllRead(String reader, Instant now) {
        Update update = new Update().set("readBefore", Date.from(now)).set("ids", List.of()).inc("n", 1);
        return template.upsert(Query.query(where("_id").is(reader)), update, READS).then();
    }

    private static Item item(Document stored) {
        return new Item(stored.getString("id"), stored.getDate("at").toInstant(),
                stored.getDate("deliveredAt").toInstant(), stored.getString("action"), stored.getString("code"),
                stored.getList("args", String.class, List.of()), stored.getString("link"));
    }

    private static long number(@Nullable Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** For the e-mail settings: {@code audience}'s subscribers, by id. */
    Flux<Document> subscribers(String audience) {
        return template.findById(audience, Document.class, SUBSCRIBERS)
                .flatMapIterable(document -> document.getList("subscribers", Document.class, List.of()));
    }

    static final String SUBSCRIBERS = "notificationSubscribers";
    static final String SETTINGS = "notificationSettings";
}
