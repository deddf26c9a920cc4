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
 * index instead and is then matched against the rest of the query, so the answer is the same.
 */
final class IdLookups {

    private IdLookups() {
    }

    /**
     * {@code {_id: …}} of a query that names a plain or {@code $in} {@code _id} of plain values (beside
     * other conditions or not); else null.
     */
    static @Nullable Document idPart(Document query) {
        if (!query.containsKey("_id")) {
            return null;
        }
        Object id = query.get("_id");
        if (id instanceof Document operators) {
            if (!(operators.size() == 1 && operators.get("$in") instanceof java.util.Collection<?> values)
                    || !values.stream().allMatch(IdLookups::plain)) {
                return null;
            }
        }
        else if (!plain(id)) {
            return null;
        }
        return new Document("_id", id);
    }

    /**
     * The conditions of a query beside its {@code _id}: what the documents the {@code _id} index found
     * must still be matched against. Matching {@code _id $in} of 500 ids again for each of 500
     * documents compared every pair, which was most of the server's time when a rebuild read 100k
     * documents 500 at a time.
     */
    static Document rest(Document query) {
        Document rest = new Document(query);
        rest.remove("_id");
        return rest;
    }

    private static boolean plain(@Nullable Object value) {
        return value instanceof String || value instanceof Number || value instanceof java.util.UUID
                || value instanceof de.bwaldvogel.mongo.bson.ObjectId;
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
