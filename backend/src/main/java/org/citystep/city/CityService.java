package org.citystep.city;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.citystep.audit.AuditEvent;
import org.citystep.audit.AuditLog;
import org.citystep.reference.IndicatorCatalogue;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.search.ReadModelQueries;
import org.citystep.search.PendingWrite;
import org.citystep.search.SearchIndexer;
import org.citystep.search.SearchOutbox;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.i18n.MessageRef;
import org.citystep.shared.mongo.IdBatches;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.ProblemType;
import org.citystep.shared.problem.Problems;
import org.citystep.shared.validation.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.Fields;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes cities; the ownership rule for writes is enforced here, not only on routes. */
@Service
public class CityService {

    /** The search index of cities; other indexes declare documents built from its documents against it. */
    public static final String SEARCH_INDEX = "cities";

    private final Cities cities;
    private final ReactiveMongoTemplate template;
    private final SearchIndexer indexer;
    private final SearchOutbox outbox;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CityReadModel readModel;
    private final CityListing listing;
    private final IndicatorCatalogue indicators;
    private final AuditLog audit;
    private final HiddenCities hiddenCities;

    CityService(Cities cities, ReactiveMongoTemplate template, SearchIndexer indexer, SearchOutbox outbox,
            Clock clock, org.springframework.context.ApplicationEventPublisher events, ReadModelQueries queries,
            CityListing listing, IndicatorCatalogue indicators, AuditLog audit, HiddenCities hiddenCities) {
        this.hiddenCities = hiddenCities;
        this.listing = listing;
        this.indicators = indicators;
        this.audit = audit;
        this.readModel = new CityReadModel(queries);
        this.cities = cities;
        this.template = template;
        this.indexer = indexer;
        this.outbox = outbox;
        this.clock = clock;
        this.events = events;
    }

    public Mono<City> get(String id) {
        return cities.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("city", id)));
    }

    /** The cities with the given ids, in one query. */
    public Flux<City> getAll(java.util.Collection<String> ids) {
        return cities.findAllById(ids);
    }

    public Mono<Boolean> exists(String id) {
        return cities.existsById(id);
    }

    public Mono<Long> count() {
        return cities.count();
    }

    /** Whether any city of the demo data set is present. */
    public Mono<Boolean> anyDemo() {
        return cities.existsByDemoTrue();
    }

    /** A page of the cities directory, by id; through the search read model. */
    public Mono<PageResponse<City>> list(CityFilter filter, PageParams page) {
        return listing.list(filter, page);
    }

    /** Creates a city under {@code requestedId}, or under a slug of its English name. */
    public Mono<City> create(@Nullable String requestedId, CityProfile profile, CurrentUser user) {
        if (!user.has(Role.CURATOR) && !user.has(Role.ADMIN)) {
            return Mono.error(ApiException.forbidden("city.createForbidden"));
        }
        var kpiProblems = KpiCheck.problems(profile.kpis(), indicators, clock);
        if (!kpiProblems.isEmpty()) {
            return Mono.error(ApiException.invalid("kpi.invalid", kpiProblems, kpiProblems.size()));
        }
        String id = requestedId != null ? requestedId : Slugs.of(profile.displayName());
        if (id.length() < 2) {
            return Mono.error(ApiException.invalid("city.noDerivableId",
                    List.of(Problems.FieldMessage.of("id", "field.sendSlug")), profile.displayName()));
        }
        return insert(City.create(id, profile, false, clock.instant()))
                .flatMap(saved -> audit.record(user, AuditEvent.of("city.created", "city", id, id, null,
                        saved.version())).thenReturn(saved));
    }

    /**
     * Creates a city of the demo data set (marked as demo in every representation). Left pending in
     * the search outbox: the catch-up writes a whole demo set in bulk, not one by one.
     */
    public Mono<City> createDemo(String id, CityProfile profile) {
        return outbox.add(CitySearchDocument.INDEX, id)
                .then(cities.insert(City.create(id, profile, true, clock.instant())))
                .onErrorMap(DuplicateKeyException.class,
                        e -> ApiException.conflict("problem.exists", new MessageRef("resource.city"), id));
    }

    /** How many documents a bulk load writes per request. */
    static final int BULK_BATCH = 500;

    /**
     * Creates many demo cities at once (a generated data set), in batches of {@value #BULK_BATCH}:
     * each exactly as {@link #createDemo}, but one insert per batch. The cities are not marked
     * pending for search: the caller rebuilds the search indexes afterwards
     * ({@code SearchRebuilds.start()}), which is how a bulk load becomes searchable. Fails with 409 when an
     * id exists already (the batch's other cities may then be written).
     */
    public Mono<Long> createDemoAll(Map<String, CityProfile> profiles) {
        var now = clock.instant();
        return reactor.core.publisher.Flux.fromIterable(profiles.entrySet())
                .map(entry -> City.create(entry.getKey(), entry.getValue(), true, now))
                .buffer(BULK_BATCH)
                .concatMap(batch -> cities.insert(batch).count()
                        .onErrorMap(DuplicateKeyException.class,
                                e -> ApiException.conflict("problem.bulkDuplicate", new MessageRef("resource.city"))))
                .reduce(0L, Long::sum);
    }

    /** The levels of one city's validated self-assessment, for {@link #adoptAssessedLevelsAll}. */
    public record AssessedLevels(String cityId, Map<Characteristic, MaturityLevel> levels, LocalDate assessedAt,
            int round) {
    }

    /**
     * {@link #adoptAssessedLevels} for a batch of cities in one bulk write, with the same round guard;
     * for bulk loads, which rebuild the search indexes afterwards (so nothing is marked pending).
     * Fails when a city is missing or carries a later round already.
     */
    public Mono<Void> adoptAssessedLevelsAll(List<AssessedLevels> batch) {
        if (batch.isEmpty()) {
            return Mono.empty();
        }
        var bulk = template.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED, City.class);
        var now = clock.instant();
        for (AssessedLevels adopted : batch) {
            Document levelsDocument = new Document();
            Characteristic.ratedOnes().forEach(c -> levelsDocument.put(c.name(),
                    adopted.levels().getOrDefault(c, MaturityLevel.NOT_ASSESSED).name()));
            Update update = new Update().set("levels", levelsDocument).set("assessedAt", adopted.assessedAt())
                    .set("assessmentRound", adopted.round()).set("updatedAt", now).inc("version", 1);
            bulk.updateOne(Query.query(where("_id").is(adopted.cityId()).orOperator(
                    where("assessmentRound").lt(adopted.round()), where("assessmentRound").exists(false))), update);
        }
        return bulk.execute().flatMap(result -> result.getMatchedCount() == batch.size() ? Mono.<Void>empty()
                : Mono.error(ApiException.conflict("city.levelsBatchConflict",
                        batch.size() - result.getMatchedCount())));
    }

    private Mono<City> insert(City city) {
        return outbox.add(CitySearchDocument.INDEX, city.id())
                .flatMap(pending -> cities.insert(city)
                        .onErrorMap(DuplicateKeyException.class,
                                e -> ApiException.conflict("problem.exists", new MessageRef("resource.city"), city.id()))
                        .doOnNext(saved -> events.publishEvent(new CityInterestsChanged(saved.id())))
                        .flatMap(saved -> indexed(saved, pending)));
    }

    /**
     * Replaces the profile of city {@code id} if it is still at {@code expectedVersion}; a concurrent
     * change between read and save is caught by the document version as well.
     */
    public Mono<City> update(String id, long expectedVersion, CityProfile profile, CurrentUser user) {
        if (!user.mayEditCity(id)) {
            return Mono.error(user.cityId()
                    .map(own -> ApiException.forbidden("city.editOwnOnly", own, id))
                    .orElseGet(() -> ApiException.forbidden("city.editForbidden", id)));
        }
        var kpiProblems = KpiCheck.problems(profile.kpis(), indicators, clock);
        if (!kpiProblems.isEmpty()) {
            return Mono.error(ApiException.invalid("kpi.invalid", kpiProblems, kpiProblems.size()));
        }
        return get(id)
                .flatMap(city -> {
                    if (city.version() != expectedVersion) {
                        return Mono.error(ApiException.staleVersion("city", id, expectedVersion, city.version()));
                    }
                    boolean movesCity = city.profile().region() != profile.region()
                            || !city.profile().country().equals(profile.country());
                    if (movesCity && !user.has(Role.CURATOR) && !user.has(Role.ADMIN)) {
                        // it would move the city between the groups of every report and comparison
                        return Mono.error(ApiException.forbidden("city.moveForbidden"));
                    }
                    boolean interestsChange = !city.profile().interests().equals(profile.interests());
                    long versionBefore = city.version();
                    city.update(profile, clock.instant());
                    // a move changes what other indexes show of the city: recorded before the write, like the city's own mark
                    Mono<Void> dependents = movesCity ? outbox.addDependents(CitySearchDocument.INDEX, id) : Mono.empty();
                    return dependents.then(outbox.add(CitySearchDocument.INDEX, id)).flatMap(pending -> cities.save(city)
                            .doOnNext(saved -> {
                                if (interestsChange) {
                                    events.publishEvent(new CityInterestsChanged(saved.id()));
                                }
                            })
                            .flatMap(saved -> audit.record(user, AuditEvent.of("city.updated", "city", id, id,
                                    versionBefore, saved.version())).thenReturn(saved))
                            .flatMap(saved -> indexed(saved, pending)));
                });
    }

    /**
     * Records the levels of the city's validated self-assessment of round {@code round}. One atomic
     * update, so a profile edit at the same moment is neither lost nor blocked (it only sees a newer
     * version); guarded by the round, so a late retry of an older round never replaces newer levels.
     * Completes empty when the city carries this round or a later one already.
     */
    public Mono<Void> adoptAssessedLevels(String id, Map<Characteristic, MaturityLevel> levels, LocalDate assessedAt,
            int round) {
        Document levelsDocument = new Document();
        Characteristic.ratedOnes().forEach(c -> levelsDocument.put(c.name(),
                levels.getOrDefault(c, MaturityLevel.NOT_ASSESSED).name()));
        Update update = new Update().set("levels", levelsDocument).set("assessedAt", assessedAt)
                .set("assessmentRound", round).set("updatedAt", clock.instant())
                .inc("version", 1);
        Query olderRound = Query.query(where("_id").is(id).orOperator(where("assessmentRound").lt(round),
                where("assessmentRound").exists(false)));
        return outbox.add(CitySearchDocument.INDEX, id)
                .flatMap(pending -> template.findAndModify(olderRound, update,
                        FindAndModifyOptions.options().returnNew(true), City.class)
                        .flatMap(city -> indexed(city, pending)))
                .switchIfEmpty(Mono.defer(() -> exists(id).flatMap(exists -> exists ? Mono.<City>empty()
                        : Mono.error(ApiException.notFound("city", id)))))
                .then();
    }

    /**
     * Up to {@code limit} cities other than {@code of} at {@code level} in {@code characteristic}, most
     * alike first ({@link CityReadModel#atLevel}), with {@code preferred} cities pulled forward, as the
     * search read model knows them: confirm the ones you show with {@link #getAll}. Fails with a 503
     * while search is down.
     */
    public Mono<List<CityStanding>> atLevel(Characteristic characteristic, MaturityLevel level, City of,
            java.util.Collection<String> preferred, int limit) {
        return readModel.atLevel(characteristic, level, of, preferred, limit);
    }

    /** Every shown city (not retired or being deleted), without the long profile texts, for comparisons across all cities. */
    public Flux<City> allForComparison() {
        Query query = new Query(shown()).with(Sort.by("_id"));
        query.fields().exclude("profile.vision", "profile.contacts", "profile.kpis");
        return template.find(query, City.class);
    }

    /**
     * How many cities of each group are at each level of {@code characteristic}, over the cities
     * that have a validated self-assessment; counted by the search read model.
     */
    public Flux<LevelCount> levelCounts(Characteristic characteristic, CityGrouping grouping) {
        return readModel.levelCounts(characteristic, grouping);
    }

    /**
     * Every shown city (not retired, not hidden), or those changed after {@code since}, in bounded
     * memory: what the open-data export streams.
     */
    public Flux<City> shown(java.time.@Nullable Instant since) {
        return since == null ? all() : IdBatches.matching(template,
                Query.query(where("updatedAt").gt(since).andOperator(shown())), City.class, 500);
    }

    /** Every shown city in bounded memory, to fill a new search index. */
    Flux<City> all() {
        return IdBatches.matching(template, Query.query(shown()), City.class, 500);
    }

    Flux<City> changedSince(java.time.Instant since) {
        return IdBatches.matching(template, Query.query(where("updatedAt").gte(since).andOperator(shown())), City.class,
                500);
    }

    /** How many cities are shown: the size of the cities index. */
    Mono<Long> countShown() {
        return template.count(Query.query(shown()), City.class);
    }

    /** The shown cities among these ids: the search index holds no others. */
    Flux<City> shownByIds(java.util.Collection<String> ids) {
        return template.find(Query.query(where("_id").in(ids).andOperator(shown())), City.class);
    }

    /** Cities shown everywhere: neither retired nor being deleted. */
    private static org.springframework.data.mongodb.core.query.Criteria shown() {
        return where("state").is(null);
    }

    /**
     * Retires the city (admins): it stays in MongoDB, restorable, but leaves lists, search, matching,
     * reports and cluster suggestions. Guarded by {@code version}.
     */
    public Mono<City> retire(String id, long version, CurrentUser user) {
        return changeState(id, version, null, CityState.RETIRED, user);
    }

    /** Shows a retired city again (admins). Guarded by {@code version}. */
    public Mono<City> restore(String id, long version, CurrentUser user) {
        return changeState(id, version, CityState.RETIRED, null, user);
    }

    /**
     * The first step of deleting a city (admins): marks it as being deleted, which hides it at once
     * everywhere. Whoever removes what depends on it then calls {@link #finishDeletion}; a city left
     * marked is found by {@link #deletingIds}. Marking a city being deleted already answers it as it is.
     */
    public Mono<City> markDeleting(String id, CurrentUser user) {
        if (!user.has(Role.ADMIN)) {
            return Mono.error(ApiException.forbidden("city.removeAdminsOnly"));
        }
        return get(id).flatMap(city -> city.state() == CityState.DELETING ? Mono.just(city)
                : changeState(id, city.version(), city.state(), CityState.DELETING, user));
    }

    private Mono<City> changeState(String id, long version, @Nullable CityState from, @Nullable CityState to,
            CurrentUser user) {
        if (!user.has(Role.ADMIN)) {
            return Mono.error(ApiException.forbidden("city.removeAdminsOnly"));
        }
        Query current = Query.query(where("_id").is(id).and("version").is(version).and("state").is(from));
        Update update = (to == null ? new Update().unset("state") : new Update().set("state", to))
                .set("updatedAt", clock.instant()).inc("version", 1);
        // the hidden-city marker is written before hiding, and its revision read before showing again
        Mono<Long> marker = to != null ? hiddenCities.marking(id, to) : hiddenCities.revision(id);
        // what other indexes show of the city (its case studies) is hidden or shown with it: recorded before the write
        return marker.flatMap(rev -> outbox.addDependents(CitySearchDocument.INDEX, id)
                .then(outbox.add(CitySearchDocument.INDEX, id))
                .flatMap(pending -> template.findAndModify(current, update, FindAndModifyOptions.options().returnNew(true),
                                City.class)
                        .switchIfEmpty(Mono.defer(() -> get(id).flatMap(city -> Mono.error(city.version() != version
                                ? ApiException.staleVersion("city", id, version, city.version())
                                : ApiException.conflict("city.stateIs", id, new MessageRef(
                                        "city.state." + (city.state() == null ? "SHOWN" : city.state().name())))))))
                        .flatMap(changed -> changed.state() == null ? hiddenCities.unmark(id, rev).thenReturn(changed)
                                : Mono.just(changed))
                        .doOnNext(changed -> events.publishEvent(new CityInterestsChanged(id)))
                        .flatMap(changed -> changed.state() == null ? indexed(changed, pending)
                                : indexer.removeAndSettle(pending).thenReturn(changed))));
    }

    /** The ids of cities whose deletion has not finished. */
    public Flux<String> deletingIds() {
        return hiddenCities.deletingIds(ids -> cities.findAllById(ids));
    }

    /** Retired cities and cities being deleted, a page at a time, latest change first. */
    public Mono<PageResponse<City>> hidden(PageParams page) {
        return hiddenCities.page(page, ids -> cities.findAllById(ids));
    }

    /**
     * The last step of deleting a city marked by {@link #markDeleting}: removes its document and its
     * search document. Completes empty when it is gone already.
     */
    public Mono<Void> finishDeletion(String id) {
        return hiddenCities.revision(id).flatMap(rev -> outbox.add(CitySearchDocument.INDEX, id)
                .flatMap(pending -> template.remove(Query.query(where("_id").is(id).and("state").is(CityState.DELETING)),
                                City.class)
                        .then(indexer.removeAndSettle(pending)))
                .flatMap(removed -> cities.existsById(id).flatMap(stillThere -> stillThere ? Mono.just(removed)
                        : hiddenCities.unmark(id, rev).thenReturn(removed))))
                .doOnNext(removed -> events.publishEvent(new CityInterestsChanged(id)))
                .then();
    }

    /**
     * Indexes the city now (best effort) and, if that worked, settles its outbox entry; a failure
     * leaves it to the catch-up worker.
     */
    private Mono<City> indexed(City city, PendingWrite pending) {
        return indexer.indexAndSettle(pending, city.version(), CitySearchDocument.of(city)).thenReturn(city);
    }
}
