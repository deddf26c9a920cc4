package org.citystep.shared.mongo;

import java.util.List;

import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The "id hack" of a real MongoDB server, which mongo-java-server lacks: it uses its {@code _id}
 * index only for a query on {@code _id} alone, so {@code {_id: x, version: 3}} — every versioned
 * save, every guarded update — scanned the whole collection (seconds over 100k case studies). A
 * query that names {@code _id} by value or {@code $in} takes its candidates from the {@code _id}
 * index instead and is then matched against the whole query, so the answer is the same.
 */
final class IdLookups {

    private IdLookups() {
    }

    /** {@code {_id: …}} of a query that names other conditions beside a plain or {@code $in} {@code _id}; else null. */
    static @Nullable Document idPart(Document query) {
        if (query.size() < 2 || !query.containsKey("_id")) {
            return null;
        }
        Object id = query.get("_id");
        if (id instanceof Document operators && !(operators.size() == 1 && operators.containsKey("$in"))) {
            return null;
        }
        return new Document("_id", id);
    }

    /** The positions the {@code _id} index holds for {@code idQuery}, or null when no index can answer it. */
    static <P> @Nullable Iterable<P> positions(List<Index<P>> indexes, Document idQuery) {
        for (Index<P> index : indexes) {
            if (index.canHandle(idQuery)) {
                return index.getPositions(idQuery);
            }
        }
        return null;
    }
}
