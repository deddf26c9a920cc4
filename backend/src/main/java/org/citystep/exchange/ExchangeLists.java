package org.citystep.exchange;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.bson.Document;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which exchanges a city, an expert or everyone has, as one document per list keyed by
 * {@code city:<id>}, {@code expert:<id>} or {@code all}, holding the ids in the order they were
 * created (the latest {@link #MAX_IDS}). Lists are read by {@code _id}, never by scanning the
 * exchanges. An id is added before its exchange is written, so a list never misses a written
 * exchange; an id whose write failed is skipped when the list is read.
 */
@Component
class ExchangeLists {

    static final String LISTS = "exchangeLists";
    static final String ALL = "all";
    /** Ids a list keeps; older ones fall off (a city with more exchanges than this is not foreseen). */
    static final int MAX_IDS = 2_000;

    private final ReactiveMongoTemplate template;

    ExchangeLists(ReactiveMongoTemplate template) {
        this.template = template;
    }

    static String city(String cityId) {
        return "city:" + cityId;
    }

    static String expert(String expertId) {
        return "expert:" + expertId;
    }

    /**
     * Adds {@code id} to each list once. A missing list is created first (two creations at once: one
     * wins, the other is ignored), then the id is pushed unless the list holds it already.
     */
    Mono<Void> add(Collection<String> lists, String id) {
        Update push = new Update().push("ids").slice(-MAX_IDS).each(id);
        return Flux.fromIterable(lists)
                .concatMap(list -> template.upsert(Query.query(where("_id").is(list)),
                                new Update().setOnInsert("ids", List.of()), LISTS)
                        .onErrorResume(DataIntegrityViolationException.class, createdMeanwhile -> Mono.empty())
                        .then(template.updateFirst(Query.query(where("_id").is(list).and("ids").ne(id)), push, LISTS)))
                .then();
    }

    /** The ids of a list, newest first. */
    Mono<List<String>> newestFirst(String list) {
        return template.findById(list, Document.class, LISTS)
                .map(document -> {
                    List<String> ids = new ArrayList<>(document.getList("ids", String.class, List.of()));
                    Collections.reverse(ids);
                    return ids;
                })
                .defaultIfEmpty(List.of());
    }
}
