package org.citystep.shared.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;

import reactor.core.publisher.Flux;

/**
 * Every document of a collection in bounded memory. The embedded server (mongo-java-server) keeps
 * a query's whole answer in its cursor, so {@code findAll()} over 100k case studies held them all
 * in the heap at once. Here only the ids are listed in one cursor; the documents follow in batches
 * by {@code _id $in}, which the {@code _id} index answers, at most two batches at a time.
 */
public final class IdBatches {

    private IdBatches() {
    }

    public static <T> Flux<T> all(ReactiveMongoOperations mongo, Class<T> type, int batchSize) {
        return matching(mongo, new Query(), type, batchSize);
    }

    /** The documents that {@code query} matches (its criteria only), in batches of {@code batchSize}. */
    public static <T> Flux<T> matching(ReactiveMongoOperations mongo, Query query, Class<T> type, int batchSize) {
        Query ids = Query.of(query);
        ids.fields().include("_id");
        return mongo.find(ids, org.bson.Document.class, mongo.getCollectionName(type))
                .map(document -> document.get("_id"))
                .buffer(batchSize)
                // the next batch is read while the one before is being used: a rebuild reads and writes at once
                .flatMapSequential(batch -> mongo.find(Query.query(where("_id").in(batch)), type), 2, batchSize);
    }
}
