package org.citystep.expert;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.citystep.audit.AuditEvent;
import org.citystep.audit.AuditLog;
import org.citystep.reference.Characteristic;
import org.citystep.city.Region;
import org.citystep.reference.ServiceDomain;
import org.citystep.search.ReadModelQueries;
import org.citystep.search.PendingWrite;
import org.citystep.search.SearchIndexer;
import org.citystep.search.SearchOutbox;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.mongo.IdBatches;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The expert database; what a caller may see and change is decided here. */
@Service
public class ExpertService {

    private final Experts experts;
    private final ReactiveMongoTemplate template;
    private final SearchIndexer indexer;
    private final SearchOutbox outbox;
    private final Clock clock;

    private final ExpertReadModel readModel;
    private final AuditLog audit;
    private final ExpertListing listing;

    ExpertService(Experts experts, ReactiveMongoTemplate template, SearchIndexer indexer, SearchOutbox outbox,
            Clock clock, ReadModelQueries queries, AuditLog audit, ExpertListing listing) {
        this.listing = listing;
        this.audit = audit;
        this.outbox = outbox;
        this.readModel = new ExpertReadModel(queries);
        this.experts = experts;
        this.template = template;
        this.indexer = indexer;
        this.clock = clock;
    }

    /**
     * Approved experts for everyone; curators and admins may also list proposed and retired ones.
     * Read through the search read model ({@link ExpertListing}), not a scan of the experts.
     */
    public Mono<PageResponse<Expert>> list(ExpertFilter filter, PageParams page, CurrentUser user) {
        ExpertStatus status = filter.status();
        if (!isCurator(user)) {
            if (status == ExpertStatus.PROPOSED || status == ExpertStatus.RETIRED) {
                return Mono.error(ApiException.forbidden("expert.proposedCuratorsOnly"));
            }
            status = ExpertStatus.APPROVED;
        }
        // retired experts only when asked for by name (status null: all others)
        return listing.list(filter, status, page);
    }

    /**
     * Up to {@code limit} approved experts in {@code characteristic} who work in one of
     * {@code languages} (compared by primary language: {@code zh-CN} is {@code zh}), most relevant to
     * the asking city first: its service domains, its country, its region, their availability. Found
     * through the search read model, then read by id.
     */
    public Flux<Expert> approvedFor(Characteristic characteristic, Collection<String> languages, ExpertNeed need,
            int limit) {
        return readModel.idsFor(characteristic, languages, need, limit)
                .flatMapMany(ids -> experts.findAllById(ids).collectMap(Expert::id)
                        .flatMapIterable(byId -> ids.stream().map(byId::get).filter(java.util.Objects::nonNull)
                                .filter(expert -> expert.status() == ExpertStatus.APPROVED).toList()));
    }

    /** Who an expert is sought for: the city's service domains and where it is. */
    public record ExpertNeed(Collection<ServiceDomain> serviceDomains, String country, Region region) {
    }


    /** Which of {@code ids} are approved experts. */
    public Flux<String> approvedIds(Collection<String> ids) {
        return template.find(Query.query(where("_id").in(ids).and("status").is(ExpertStatus.APPROVED)), Expert.class)
                .map(Expert::id);
    }

    public Mono<Expert> get(String id, CurrentUser user) {
        return experts.findById(id)
                .filter(expert -> expert.status() == ExpertStatus.APPROVED || isCurator(user) || isSelf(id, user))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("expert", id)));
    }

    public Mono<Expert> propose(String id, ExpertProfile profile, CurrentUser user) {
        if (!isCurator(user)) {
            return Mono.error(ApiException.forbidden("expert.addCuratorsOnly"));
        }
        return Mono.fromRunnable(() -> checkProfile(profile))
                .then(insert(Expert.propose(id, profile, false, clock.instant())))
                .flatMap(saved -> audit.record(user, AuditEvent.of("expert.proposed", "expert", saved.id(), null, null,
                        saved.version())).thenReturn(saved));
    }

    /** The expert record the caller's login is linked to (its {@code expertId} claim). */
    public Mono<Expert> mine(CurrentUser user) {
        return user.expertId().filter(id -> user.has(Role.EXPERT))
                .map(id -> experts.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("expert", id))))
                .orElseGet(() -> Mono.error(ApiException.forbidden("expert.noRecord")));
    }

    /**
     * The expert who may review work in {@code characteristics}: approved (not proposed, not
     * retired) with expertise in at least one of them. Refused with a conflict otherwise.
     */
    public Mono<Expert> reviewerFor(String id, Collection<Characteristic> characteristics) {
        return experts.findById(id)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("expert", id)))
                .flatMap(expert -> {
                    if (expert.status() != ExpertStatus.APPROVED) {
                        return Mono.error(ApiException.conflict("expert.notApprovedForReview", id,
                                new org.citystep.shared.i18n.MessageRef("expert.status." + expert.status().name())));
                    }
                    if (characteristics.stream().noneMatch(expert.profile().expertise().characteristics()::contains)) {
                        return Mono.error(ApiException.conflict("expert.noMatchingExpertise", id));
                    }
                    return Mono.just(expert);
                });
    }

    /** The names of these experts by id, whatever their status (for showing who reviews). */
    public Mono<java.util.Map<String, String>> names(Collection<String> ids) {
        return ids.isEmpty() ? Mono.just(java.util.Map.of())
                : experts.findAllById(ids).collectMap(Expert::id, expert -> expert.profile().name());
    }

    /** Adds an approved expert of the demo data set. */
    public Mono<Expert> createDemo(String id, ExpertProfile profile) {
        Expert expert = Expert.propose(id, profile, true, clock.instant());
        expert.approve(clock.instant());
        // left pending in the search outbox: the catch-up writes a whole demo set in bulk
        return outbox.add(ExpertSearchDocument.INDEX, id).then(experts.insert(expert)).onErrorMap(DuplicateKeyException.class,
                e -> ApiException.conflict("problem.exists", new org.citystep.shared.i18n.MessageRef("resource.expert"), expert.id()));
    }

    /**
     * @param approved whether a curator approved it (else it stays proposed)
     */
    public record DemoExpert(String id, ExpertProfile profile, boolean approved) {
    }

    /**
     * Adds many demo experts at once (a generated data set), each through the same transitions as
     * {@link #createDemo}, in batches of 500 inserts. Not marked pending for search: the caller
     * rebuilds the search indexes afterwards.
     */
    public Mono<Long> createDemoAll(java.util.List<DemoExpert> all) {
        var now = clock.instant();
        return Flux.fromIterable(all)
                .map(demo -> {
                    Expert expert = Expert.propose(demo.id(), demo.profile(), true, now);
                    if (demo.approved()) {
                        expert.approve(now);
                    }
                    return expert;
                })
                .buffer(500)
                .concatMap(batch -> experts.insert(batch).count().onErrorMap(DuplicateKeyException.class,
                        e -> ApiException.conflict("problem.bulkDuplicate", new org.citystep.shared.i18n.MessageRef("resource.expert"))))
                .reduce(0L, Long::sum);
    }

    public Mono<Expert> approve(String id, long version, CurrentUser user) {
        if (!isCurator(user)) {
            return Mono.error(ApiException.forbidden("expert.approveCuratorsOnly"));
        }
        return change(id, version, expert -> expert.approve(clock.instant()), "expert.approved", user);
    }

    /** Retires an expert: gone from search, matching and review assignment; the record stays. */
    public Mono<Expert> retire(String id, long version, CurrentUser user) {
        if (!isCurator(user)) {
            return Mono.error(ApiException.forbidden("expert.retireCuratorsOnly"));
        }
        return change(id, version, expert -> expert.retire(clock.instant()), "expert.retired", user);
    }

    /** An expert keeps its own record; curators and admins keep every record. */
    public Mono<Expert> update(String id, long version, ExpertProfile profile, CurrentUser user) {
        if (!isCurator(user) && !isSelf(id, user)) {
            return Mono.error(user.expertId()
                    .map(own -> ApiException.forbidden("expert.editOwnOnly", own, id))
                    .orElseGet(() -> ApiException.forbidden("expert.editForbidden", id)));
        }
        checkProfile(profile);
        return change(id, version, expert -> expert.update(profile, clock.instant()), "expert.updated", user);
    }

    /** Levels of expertise only for characteristics of the expertise, and only real levels. */
    private static void checkProfile(ExpertProfile profile) {
        var expertise = profile.expertise();
        boolean fits = expertise.characteristics().containsAll(expertise.levels().keySet())
                && expertise.levels().values().stream().allMatch(org.citystep.reference.MaturityLevel::isAssessed);
        if (!fits) {
            throw ApiException.invalid("expert.invalidExpertise",
                    java.util.List.of(org.citystep.shared.problem.Problems.FieldMessage.of("expertise.levels",
                            "expert.levelsOutsideExpertise")));
        }
    }

    /** Whether {@code id} names an approved expert of the database. */
    public Mono<Boolean> isApproved(String id) {
        return experts.findById(id).map(expert -> expert.status() == ExpertStatus.APPROVED).defaultIfEmpty(false);
    }

    /** Whether the caller may see experts' contact details. */
    public static boolean mayContact(CurrentUser user) {
        return !user.isAnonymous();
    }

    private Mono<Expert> change(String id, long version, java.util.function.Consumer<Expert> change, String action,
            CurrentUser user) {
        return experts.findById(id)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("expert", id)))
                .flatMap(expert -> {
                    if (expert.version() != version) {
                        return Mono.error(ApiException.staleVersion("expert", id, version, expert.version()));
                    }
                    long before = expert.version();
                    change.accept(expert);
                    return outbox.add(ExpertSearchDocument.INDEX, id)
                            .flatMap(pending -> experts.save(expert)
                                    .onErrorMap(org.springframework.dao.OptimisticLockingFailureException.class,
                                            e -> ApiException.staleVersion("expert", id, version, version + 1))
                                    .flatMap(saved -> indexed(saved, pending)))
                            .flatMap(saved -> audit.record(user, AuditEvent.of(action, "expert", id, null, before,
                                    saved.version())).thenReturn(saved));
                });
    }

    /** Indexes the expert now (best effort); settles its outbox entry if that worked and nothing newer came. */
    private Mono<Expert> indexed(Expert expert, PendingWrite pending) {
        return indexer.indexAndSettle(pending, expert.version(), ExpertSearchDocument.of(expert)).thenReturn(expert);
    }

    /** The experts with these ids, in one query. */
    Flux<Expert> getAll(java.util.Collection<String> ids) {
        return experts.findAllById(ids);
    }

    /**
     * Every approved expert, or those changed after {@code since}, in bounded memory: what the
     * open-data export streams (it leaves their contact details out).
     */
    public Flux<Expert> approved(java.time.@org.jspecify.annotations.Nullable Instant since) {
        org.springframework.data.mongodb.core.query.Criteria approved = where("status").is(ExpertStatus.APPROVED);
        return IdBatches.matching(template, Query.query(since == null ? approved : approved.and("updatedAt").gt(since)),
                Expert.class, 500);
    }

    /** Every expert in bounded memory, to fill a new search index. */
    Flux<Expert> all() {
        return IdBatches.all(template, Expert.class, 500);
    }

    Flux<Expert> changedSince(java.time.Instant since) {
        return IdBatches.matching(template, Query.query(where("updatedAt").gte(since)), Expert.class, 500);
    }

    Mono<Long> count() {
        return experts.count();
    }

    private Mono<Expert> insert(Expert expert) {
        return outbox.add(ExpertSearchDocument.INDEX, expert.id())
                .flatMap(pending -> experts.insert(expert).onErrorMap(DuplicateKeyException.class,
                                e -> ApiException.conflict("problem.exists", new org.citystep.shared.i18n.MessageRef("resource.expert"), expert.id()))
                        .flatMap(saved -> indexed(saved, pending)));
    }

    private static boolean isCurator(CurrentUser user) {
        return user.has(Role.CURATOR) || user.has(Role.ADMIN);
    }

    private static boolean isSelf(String id, CurrentUser user) {
        return user.has(Role.EXPERT) && user.expertId().filter(id::equals).isPresent();
    }
}
