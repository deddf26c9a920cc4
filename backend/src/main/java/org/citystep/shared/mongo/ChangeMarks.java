package org.citystep.shared.mongo;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import reactor.core.publisher.Mono;

/**
 * A cheap mark that changes whenever a document of a collection is added or changed: its estimated
 * count and its latest {@code updatedAt} (read through an index on that field). For collections
 * whose documents are never deleted.
 */
public final class ChangeMarks {

    private ChangeMarks() {
    }

    public static Mono<String> of(ReactiveMongoTemplate template, Class<?> type) {
        Query latest = new Query().with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(1);
        latest.fields().include("updatedAt");
        return Mono.zip(template.estimatedCount(type),
                        template.findOne(latest, org.bson.Document.class, template.getCollectionName(type))
                                .map(document -> String.valueOf(document.get("updatedAt"))).defaultIfEmpty("-"))
                .map(countAndLatest -> countAndLatest.getT1() + "@" + countAndLatest.getT2());
    }
}
