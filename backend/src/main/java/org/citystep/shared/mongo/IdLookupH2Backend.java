package org.citystep.shared.mongo;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The file-backed embedded server, with queries that name an {@code _id} answered through the
 * {@code _id} index ({@link IdLookups}). Map names are those of {@link H2Database}, so existing data
 * files open unchanged.
 */
class IdLookupH2Backend extends H2Backend {

    IdLookupH2Backend(String file) {
        super(file);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** An inner class: H2Database opens collections in its constructor, and the store must be at hand then. */
    private final class Database extends H2Database {

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            return new Collection(this, collectionName, options, store.openMap("databases." + namespace),
                    store.openMap("meta." + namespace), cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        Collection(MongoDatabase database, String name, CollectionOptions options,
                org.h2.mvstore.MVMap<Object, Document> data, org.h2.mvstore.MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document projection) {
            if (IdLookups.everyId(query, orderBy, skip, limit, projection)) {
                java.util.List<Document> ids = IdLookups.everyIdFromIndex(getIndexes());
                if (ids != null) {
                    return createQueryResult(ids, batchSize);
                }
            }
            Document idQuery = IdLookups.idPart(query);
            java.util.List<String> ids = idQuery == null ? null : IdLookups.stringIds(idQuery);
            if (ids != null) {
                // the data file is keyed by the _id itself: no need for the _id index, whose keys H2 can
                // only compare by Java-serialising them (most of a rebuild's reading time)
                return matchDocumentsFromStream(ids.stream().map(this::getDocument).filter(java.util.Objects::nonNull),
                        IdLookups.rest(query), orderBy, skip, limit, batchSize, projection);
            }
            Iterable<Object> positions = idQuery == null ? null : IdLookups.positions(getIndexes(), idQuery);
            if (positions != null) {
                return matchDocuments(IdLookups.rest(query), positions, orderBy, skip, limit, batchSize, projection);
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
        }
    }
}
