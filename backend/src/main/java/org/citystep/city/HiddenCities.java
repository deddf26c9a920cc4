package org.citystep.city;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.bson.Document;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One marker per city that is retired or being deleted ({@code hidden_cities}, keyed by city id),
 * so the admins' list of hidden cities and the deletion worker read these few documents instead of
 * scanning every city (the embedded MongoDB has no secondary index on {@code state}).
 * <p>
 * The markers are a superset of the hidden cities: a marker is written before a city is hidden and
 * removed only after it is shown again or gone, and only if no one marked it meanwhile (its
 * {@code rev}). Readers confirm each marker with the city read by id and drop a marker whose city is
 * shown or gone. Databases written before the markers existed get theirs in one pass over the
 * cities, once per process, before the markers are first read.
 */
@Component
class HiddenCities {

    static final String COLLECTION = "hidden_cities";
    private static final Logger log = LoggerFactory.getLogger(HiddenCities.class);

    private final ReactiveMongoTemplate template;
    private final Clock clock;
    private final Mono<Void> backfilled;

    HiddenCities(ReactiveMongoTemplate template, Clock clock) {
        this.template = template;
        this.clock = clock;
        this.backfilled = backfill().cache(done -> Duration.ofDays(3650), failure -> Duration.ZERO,
                () -> Duration.ofDays(3650));
    }

    /** Before hiding the city (or changing how it is hidden): its marker, with a new revision. */
    Mono<Long> marking(String cityId, CityState state) {
        return template.findAndModify(Query.query(where("_id").is(cityId)),
                        new Update().set("state", state.name()).set("updatedAt", clock.instant()).inc("rev", 1L),
                        org.springframework.data.mongodb.core.FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, COLLECTION)
                .map(HiddenCities::rev);
    }

    /** The marker's revision now (0 when there is none): read before showing a city again. */
    Mono<Long> revision(String cityId) {
        return template.findById(cityId, Document.class, COLLECTION).map(HiddenCities::rev).defaultIfEmpty(0L);
    }

    /** After the city was shown again or removed: drops its marker unless someone marked it since {@code rev}. */
    Mono<Void> unmark(String cityId, long rev) {
        // no marker when read: one written since is someone else's
        return rev <= 0 ? Mono.empty()
                : template.remove(Query.query(where("_id").is(cityId).and("rev").is(rev)), COLLECTION).then();
    }

    /** Drops the marker of a city found shown or gone (a step that stopped halfway), if unchanged since read. */
    private Mono<Void> healed(Document marker) {
        return unmark(marker.getString("_id"), rev(marker));
    }

    /** Hidden cities, a page at a time, latest change first, each confirmed by reading it by id. */
    Mono<PageResponse<City>> page(PageParams page, Function<List<String>, Flux<City>> byIds) {
        Query all = new Query().with(page.toPageRequest(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id"))));
        return backfilled.then(Mono.zip(template.find(all, Document.class, COLLECTION).collectList(),
                        template.count(new Query(), COLLECTION)))
                .flatMap(found -> confirmed(found.getT1(), byIds)
                        .map(cities -> new PageResponse<>(cities, page.page(), page.size(), found.getT2())));
    }

    /** The ids of the cities marked as being deleted whose city still is. */
    Flux<String> deletingIds(Function<List<String>, Flux<City>> byIds) {
        return backfilled.thenMany(template.find(Query.query(where("state").is(CityState.DELETING.name())),
                        Document.class, COLLECTION).buffer(500))
                .concatMap(markers -> confirmed(markers, byIds).flatMapIterable(Function.identity()))
                .filter(city -> city.state() == CityState.DELETING)
                .map(City::id);
    }

    private Mono<List<City>> confirmed(List<Document> markers, Function<List<String>, Flux<City>> byIds) {
        List<String> ids = markers.stream().map(marker -> marker.getString("_id")).toList();
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return byIds.apply(ids).collectMap(City::id, Function.identity()).flatMap(byId -> Flux.fromIterable(markers)
                .filter(marker -> {
                    @Nullable City city = byId.get(marker.getString("_id"));
                    return city == null || city.state() == null;
                })
                .concatMap(this::healed)
                .then(Mono.fromSupplier(() -> ids.stream().map(byId::get).filter(Objects::nonNull)
                        .filter(city -> city.state() != null).toList())));
    }

    /**
     * Markers for hidden cities written before markers existed: one pass over the cities' states
     * (read whole before writing: the embedded server's cursors are not written beside), then an
     * insert of each missing marker (one written meanwhile wins).
     */
    private Mono<Void> backfill() {
        Query hidden = Query.query(where("state").ne(null));
        hidden.fields().include("_id").include("state").include("updatedAt");
        return template.find(hidden, Document.class, template.getCollectionName(City.class)).collectList()
                .flatMap(found -> template.find(Query.query(where("_id").in(found.stream()
                                        .map(city -> city.getString("_id")).toList())), Document.class, COLLECTION)
                        .map(marker -> marker.getString("_id")).collect(java.util.stream.Collectors.toSet())
                        .flatMapMany(marked -> Flux.fromIterable(found)
                                .filter(city -> !marked.contains(city.getString("_id"))))
                        .concatMap(city -> template.insert(new Document("_id", city.getString("_id"))
                                        .append("state", city.getString("state"))
                                        .append("updatedAt", city.get("updatedAt") != null ? city.get("updatedAt")
                                                : java.util.Date.from(clock.instant()))
                                        .append("rev", 1L), COLLECTION)
                                .onErrorResume(org.springframework.dao.DuplicateKeyException.class, exists -> Mono.empty()))
                        .count())
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Hidden-city markers written for {} cities hidden before markers existed", count);
                    }
                })
                .then();
    }

    private static long rev(Document marker) {
        Object value = marker.get("rev");
        return value instanceof Number number ? number.longValue() : 0L;
    }
}
