package org.citystep.shared.mongo;

import java.util.List;

import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
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

    /**
     * The distinct ids an {@link #idPart} names when they are all strings (how the embedded H2
     * server keys its data file); else null.
     */
    static @Nullable List<String> stringIds(Document idPart) {
        Object id = idPart.get("_id");
        if (id instanceof String single) {
            return List.of(single);
        }
        if (id instanceof Document operators && operators.get("$in") instanceof java.util.Collection<?> values
                && values.stream().allMatch(String.class::isInstance)) {
            return values.stream().map(String.class::cast).distinct().toList();
        }
        return null;
    }

    private static boolean plain(@Nullable Object value) {
        return value instanceof String || value instanceof Number || value instanceof java.util.UUID
                || value instanceof de.bwaldvogel.mongo.bson.ObjectId;
    }

    /**
     * Whether a query asks for the {@code _id} of every document and nothing else, as
     * {@link IdBatches} does before it reads the documents a batch at a time.
     */
    static boolean everyId(Document query, @Nullable Document orderBy, int skip, int limit,
            @Nullable Document projection) {
        return query.isEmpty() && (orderBy == null || orderBy.isEmpty()) && skip == 0 && limit == 0
                && projection != null && projection.size() == 1 && included(projection.get("_id"));
    }

    private static boolean included(@Nullable Object projected) {
        return Boolean.TRUE.equals(projected) || projected instanceof Number number && number.doubleValue() != 0;
    }

    /**
     * {@code {_id}} of every document, read from the unique {@code _id} index alone; null when there
     * is none. The server would otherwise deserialise every whole document to project its
     * {@code _id}: over 100k case studies that doubled what a rebuild read from the data file, since
     * the documents are read again by {@code _id $in} right after.
     */
    static <P> @Nullable List<Document> everyIdFromIndex(List<Index<P>> indexes) {
        for (Index<P> index : indexes) {
            if (index instanceof AbstractUniqueIndex<P> unique && index.getKeys().size() == 1
                    && "_id".equals(index.getKeys().get(0).getKey())) {
                List<Document> ids = new java.util.ArrayList<>();
                for (java.util.Map.Entry<KeyValue, P> entry : entries(unique)) {
                    ids.add(new Document("_id", entry.getKey().get(0)));
                }
                return ids;
            }
        }
        return null;
    }

    /** The index's own entries: mongo-java-server keeps their iterable protected. */
    @SuppressWarnings("unchecked")
    private static <P> Iterable<java.util.Map.Entry<KeyValue, P>> entries(AbstractUniqueIndex<P> index) {
        try {
            java.lang.reflect.Method entries = AbstractUniqueIndex.class.getDeclaredMethod("getIterable");
            entries.setAccessible(true);
            return (Iterable<java.util.Map.Entry<KeyValue, P>>) entries.invoke(index);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the _id index of mongo-java-server", e);
        }
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
