package org.citystep.casestudy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Collection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.citystep.audit.AuditEvent;
import org.citystep.audit.AuditLog;
import org.citystep.city.City;
import org.citystep.city.CityService;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceDataService;
import org.citystep.search.PendingWrite;
import org.citystep.search.SearchIndexer;
import org.citystep.search.SearchOutbox;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.mongo.IdBatches;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.Problems;
import org.citystep.shared.validation.Slugs;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Case studies and their curation. Visibility: everyone sees published case studies; a city's
 * editors also see their own city's in every state; curators and admins see all. Writes: a city's
 * editors draft, edit and submit their own city's; curators review, mark best practice, verify.
 */
@Service
public class CaseStudyService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CaseStudyService.class);

    private final CaseStudies studies;
    private final ReactiveMongoTemplate template;
    private final CityService cities;
    private final ReferenceDataService reference;
    private final SearchIndexer indexer;
    private final SearchOutbox outbox;
    private final CaseStudyListing listing;
    private final org.citystep.search.SearchService search;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final AuditLog audit;

    CaseStudyService(CaseStudies studies, ReactiveMongoTemplate template, CityService cities,
            ReferenceDataService reference, SearchIndexer indexer, SearchOutbox outbox, CaseStudyListing listing,
            org.citystep.search.SearchService search, Clock clock,
            org.springframework.context.ApplicationEventPublisher events, AuditLog audit) {
        this.audit = audit;
        this.outbox = outbox;
        this.listing = listing;
        this.search = search;
        this.events = events;
        this.studies = studies;
        this.template = template;
        this.cities = cities;
        this.reference = reference;
        this.indexer = indexer;
        this.clock = clock;
    }

    public Mono<CaseStudy> get(String id, CurrentUser user) {
        return studies.findById(id)
                .filter(study -> maySee(study, user))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("caseStudy", id)));
    }

    /** A page of the case studies the caller may see, newest change first; through the search read model. */
    public Mono<PageResponse<CaseStudy>> list(CaseStudyFilter filter, PageParams page, CurrentUser user) {
        return listing.list(filter, page, user);
    }

    /** Drafts a case study for {@code cityId}; its id is {@code requestedId} or derived from city and title. */
    public Mono<CaseStudy> create(@Nullable String requestedId, String cityId, CaseStudyContent content,
            CurrentUser user) {
        if (!user.mayEditCity(cityId)) {
            return Mono.error(user.cityId()
                    .map(own -> ApiException.forbidden("caseStudy.writeOwnOnly", own, cityId))
                    .orElseGet(() -> ApiException.forbidden("caseStudy.writeForbidden", cityId)));
        }
        CaseStudyContent checked = check(content);
        String id = requestedId != null ? requestedId : Slugs.of(cityId + " " + content.title().getOrDefault("en", content.title().getOrDefault("zh", "")));
        return cities.exists(cityId)
                .flatMap(exists -> exists ? Mono.<Void>empty() : Mono.error(ApiException.invalid(
                        "caseStudy.noCity", List.of(Problems.FieldMessage.of("cityId", "field.unknownCity")), cityId)))
                .then(outbox.add(CaseStudySearchDocument.INDEX, id))
                .flatMap(pending -> studies.insert(CaseStudy.draft(id, cityId, checked, false, user.username(),
                                clock.instant()))
                        .onErrorMap(DuplicateKeyException.class,
                                e -> ApiException.conflict("problem.exists", new org.citystep.shared.i18n.MessageRef("resource.caseStudy"), id))
                        .flatMap(study -> synced(study, pending))
                        .flatMap(study -> audit.record(user, AuditEvent.of("caseStudy.created", "caseStudy", study.id(),
                                study.cityId(), null, study.version())).thenReturn(study)));
    }

    /**
     * The ids of a city's case studies whose search documents show its region and country, for the
     * fan-out after a city moved (the search catch-up expands it): read from the case-study read
     * model by {@code cityId}, not by scanning the case studies (the embedded server has no
     * secondary index). It reaches every case study although search trails MongoDB: the fan-out
     * entry waits the outbox's writer grace (5 s, beyond the 1 s refresh) before it is expanded, so
     * every document indexed before the city changed is found; one indexed later, or still waiting
     * in the outbox, is built from the moved city anyway. While search is down this fails and the
     * catch-up tries the entry again later. When the read model holds none of them (a city restored
     * after being retired: its documents left search with it), they are read from MongoDB.
     */
    Flux<String> idsOfCity(String cityId) {
        return listing.indexedIdsOfCity(cityId, () -> scanOfCity(cityId));
    }

    /** Every case study of the city, read from MongoDB: a scan on the embedded server (a city deleted, or restored). */
    private Flux<String> scanOfCity(String cityId) {
        Query ofCity = Query.query(where("cityId").is(cityId));
        ofCity.fields().include("_id");
        return template.find(ofCity, org.bson.Document.class, template.getCollectionName(CaseStudy.class))
                .map(study -> study.getString("_id"));
    }

    /**
     * Adds a case study of the demo data set in the state the set gives it; left pending in the
     * search outbox, which the catch-up works off in bulk.
     */
    public Mono<CaseStudy> createDemo(String id, String cityId, CaseStudyContent content, CaseStudyStatus status,
            boolean bestPractice, List<String> awards, @Nullable LocalDate lastVerified) {
        CaseStudy study = CaseStudy.draft(id, cityId, check(content), true, "demo-data", clock.instant());
        study.seedState(status, bestPractice, awards, lastVerified, "demo-data", clock.instant());
        return outbox.add(CaseStudySearchDocument.INDEX, id)
                .then(studies.insert(study))
                .onErrorMap(DuplicateKeyException.class,
                        e -> ApiException.conflict("problem.exists", new org.citystep.shared.i18n.MessageRef("resource.caseStudy"), id));
    }

    /**
     * A case study of a generated data set and the curation state it is to reach.
     *
     * @param awards for best practice only
     */
    public record DemoCaseStudy(String id, String cityId, CaseStudyContent content, CaseStudyStatus status,
            boolean bestPractice, List<String> awards) {
    }

    /**
     * Adds many case studies at once (a generated data set): each content is checked as every write
     * checks it (reference codes, one-level steps, sanitised HTML), each reaches its state through
     * the aggregate's own transitions (submit, request changes, publish, reject, archive, best
     * practice), and they are inserted 500 per request after checking their cities exist. Not
     * marked pending for search: the caller rebuilds the search indexes afterwards.
     */
    public Mono<Long> createDemoAll(List<DemoCaseStudy> all) {
        return Flux.fromIterable(all)
                .buffer(500)
                .concatMap(batch -> {
                    var now = clock.instant();
                    List<CaseStudy> built = batch.stream().map(demo -> curated(demo, now)).toList();
                    List<String> cityIds = built.stream().map(CaseStudy::cityId).distinct().toList();
                    return cities.getAll(cityIds).count()
                            .flatMap(found -> found == cityIds.size() ? studies.insert(built).count()
                                    : Mono.error(ApiException.invalid("caseStudy.batchUnknownCity",
                                            List.of(Problems.FieldMessage.of("cityId", "field.unknownCity")))))
                            .onErrorMap(DuplicateKeyException.class, e -> ApiException.conflict(
                                    "problem.bulkDuplicate", new org.citystep.shared.i18n.MessageRef("resource.caseStudy")));
                })
                .reduce(0L, Long::sum);
    }

    private CaseStudy curated(DemoCaseStudy demo, java.time.Instant now) {
        String editor = "data-generator";
        String curator = "data-generator-curator";
        CaseStudy study = CaseStudy.draft(demo.id(), demo.cityId(), check(demo.content()), true, editor, now);
        switch (demo.status()) {
            case DRAFT -> { }
            case SUBMITTED -> study.submit(editor, now);
            case CHANGES_REQUESTED -> {
                study.submit(editor, now);
                study.requestChanges(curator, "Please add measured results.", now);
            }
            case PUBLISHED, ARCHIVED -> {
                study.submit(editor, now);
                study.publish(curator, null, today(), now);
                if (demo.bestPractice()) {
                    study.markBestPractice(true, demo.awards(), curator, now);
                }
                if (demo.status() == CaseStudyStatus.ARCHIVED) {
                    study.archive(curator, "Superseded by a newer project.", now);
                }
            }
            case REJECTED -> {
                study.submit(editor, now);
                study.reject(curator, "Out of scope for the case-study collection.", now);
            }
        }
        return study;
    }

    public Mono<CaseStudy> update(String id, long version, CaseStudyContent content, CurrentUser user) {
        CaseStudyContent checked = check(content);
        return change(id, version, user, Access.OWNER, "caseStudy.updated", null,
                study -> study.edit(checked, clock.instant()));
    }

    public Mono<CaseStudy> submit(String id, long version, CurrentUser user) {
        return change(id, version, user, Access.OWNER, "caseStudy.submitted", null, study -> study.submit(user.username(), clock.instant()));
    }

    public Mono<CaseStudy> review(String id, long version, ReviewDecision decision, @Nullable String note,
            CurrentUser user) {
        if ((decision == ReviewDecision.REQUEST_CHANGES || decision == ReviewDecision.REJECT)
                && (note == null || note.isBlank())) {
            return Mono.error(ApiException.invalid("caseStudy.noteRequired",
                    List.of(Problems.FieldMessage.of("note", "field.requiredFor",
                            new org.citystep.shared.i18n.MessageRef("caseStudy.decision." + decision.name())))));
        }
        String action = switch (decision) {
            case REQUEST_CHANGES -> "caseStudy.returned";
            case PUBLISH -> "caseStudy.published";
            case REJECT -> "caseStudy.rejected";
            case ARCHIVE -> "caseStudy.retired";
        };
        return change(id, version, user, Access.CURATOR, action, note, study -> {
            switch (decision) {
                case REQUEST_CHANGES -> study.requestChanges(user.username(), note, clock.instant());
                case PUBLISH -> study.publish(user.username(), note, today(), clock.instant());
                case REJECT -> study.reject(user.username(), note, clock.instant());
                case ARCHIVE -> study.archive(user.username(), note, clock.instant());
            }
        });
    }

    public Mono<CaseStudy> markBestPractice(String id, long version, boolean best, List<String> awards,
            CurrentUser user) {
        return change(id, version, user, Access.CURATOR, "caseStudy.updated", null,
                study -> study.markBestPractice(best, awards, user.username(), clock.instant()));
    }

    public Mono<CaseStudy> verify(String id, long version, CurrentUser user) {
        return change(id, version, user, Access.CURATOR, "caseStudy.updated", null, study -> study.verify(user.username(), today(), clock.instant()));
    }

    /** Published case studies most like this one (which the caller must be allowed to see). */
    public Mono<List<org.citystep.search.SearchResults.Hit>> similar(String id, int size, CurrentUser user) {
        return get(id, user).flatMap(study -> {
            List<String> like = new ArrayList<>();
            like.addAll(study.content().title().values());
            like.addAll(study.content().summary().values());
            return search.similar(CaseStudySearchDocument.INDEX, id, like, size);
        });
    }

    /**
     * The published case studies due for re-verification, in bounded memory: a scan for the monthly
     * reminder job, never for a request.
     */
    public Flux<CaseStudy> publishedDueForReverification() {
        LocalDate today = today();
        return IdBatches.matching(template, Query.query(where("status").is(CaseStudyStatus.PUBLISHED)), CaseStudy.class,
                SEARCH_BATCH).filter(study -> study.dueForReverification(today));
    }

    /** Which of {@code ids} are published case studies. */
    public Flux<String> publishedIds(Collection<String> ids) {
        Query query = Query.query(where("_id").in(ids).and("status").is(CaseStudyStatus.PUBLISHED));
        query.fields().include("_id");
        return template.find(query, org.bson.Document.class, template.getCollectionName(CaseStudy.class))
                .map(document -> document.getString("_id"));
    }

    /** The audit trail: for curators and admins, and for the owner city's editors. */
    public Mono<List<AuditEntry>> audit(String id, CurrentUser user) {
        return studies.findById(id)
                .filter(study -> isCurator(user) || isOwner(study, user))
                .map(CaseStudy::audit)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("caseStudy", id)));
    }

    /** Every case study as a search document, with its city's region and country, a batch of cities at a time. */
    Flux<SearchIndexer.Indexable> searchDocuments(Flux<CaseStudy> studies) {
        return studies.buffer(SEARCH_BATCH)
                .flatMapSequential(batch -> cities.getAll(batch.stream().map(CaseStudy::cityId).distinct().toList())
                        .collectMap(City::id)
                        .flatMapIterable(byId -> batch.stream()
                                // a retired city's case studies leave search with it (the catch-up removes them)
                                .filter(study -> byId.get(study.cityId()) == null || byId.get(study.cityId()).state() == null)
                                .map(study -> new SearchIndexer.Indexable(study.id(), study.version(),
                                        CaseStudySearchDocument.of(study, byId.get(study.cityId()))))
                                .toList()),
                        2);
    }

    Mono<Long> count() {
        return studies.count();
    }

    /**
     * Every published case study of a shown city (not retired, not being deleted), or those changed
     * after {@code since}, in bounded memory: what open data publishes. Which cities are shown is read
     * by id, one query per batch.
     */
    public Flux<CaseStudy> published(java.time.@Nullable Instant since) {
        org.springframework.data.mongodb.core.query.Criteria published = where("status").is(CaseStudyStatus.PUBLISHED);
        return IdBatches.matching(template, Query.query(since == null ? published : published.and("updatedAt").gt(since)),
                        CaseStudy.class, SEARCH_BATCH)
                .buffer(SEARCH_BATCH)
                .concatMap(batch -> cities.getAll(batch.stream().map(CaseStudy::cityId).distinct().toList())
                        .filter(city -> city.state() == null)
                        .map(City::id)
                        .collect(java.util.stream.Collectors.toSet())
                        .flatMapIterable(shown -> batch.stream().filter(study -> shown.contains(study.cityId())).toList()));
    }

    /** Every case study in bounded memory, to fill a new search index. */
    Flux<CaseStudy> all() {
        return IdBatches.all(template, CaseStudy.class, SEARCH_BATCH);
    }

    Flux<CaseStudy> changedSince(java.time.Instant since) {
        return IdBatches.matching(template, Query.query(where("updatedAt").gte(since)), CaseStudy.class, SEARCH_BATCH);
    }

    private static final int SEARCH_BATCH = 250;

    private enum Access {
        OWNER, CURATOR
    }

    /** Applies {@code change} to the case study and records {@code action} in the audit log before answering. */
    private Mono<CaseStudy> change(String id, long version, CurrentUser user, Access access, String action,
            @Nullable String note, java.util.function.Consumer<CaseStudy> change) {
        return studies.findById(id)
                .filter(study -> maySee(study, user))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("caseStudy", id)))
                .flatMap(study -> {
                    boolean allowed = access == Access.CURATOR ? isCurator(user) : isCurator(user) || isOwner(study, user);
                    if (!allowed) {
                        return Mono.error(ApiException.forbidden(access == Access.CURATOR
                                ? "caseStudy.decisionCuratorsOnly" : "caseStudy.changeOwnOnly"));
                    }
                    if (study.version() != version) {
                        return Mono.error(ApiException.staleVersion("caseStudy", id, version, study.version()));
                    }
                    boolean publishedBefore = study.status() == CaseStudyStatus.PUBLISHED;
                    change.accept(study);
                    return outbox.add(CaseStudySearchDocument.INDEX, id).flatMap(pending -> studies.save(study)
                            .doOnNext(saved -> {
                                if (publishedBefore || saved.status() == CaseStudyStatus.PUBLISHED) {
                                    events.publishEvent(new PublishedCaseStudyChanged(saved.id(), saved.cityId()));
                                }
                            })
                            .flatMap(saved -> synced(saved, pending))
                            .flatMap(saved -> audit.record(user, AuditEvent.of(action, "caseStudy", saved.id(),
                                    saved.cityId(), version, saved.version()).withNote(note)).thenReturn(saved)));
                });
    }

    /**
     * Keeps the search index in step with the case study (every state: search filters by caller);
     * settles the write's outbox entry when that worked, else the catch-up worker does it later.
     */
    private Mono<CaseStudy> synced(CaseStudy study, PendingWrite pending) {
        return cities.getAll(List.of(study.cityId())).next().map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(city -> indexer.indexAndSettle(pending, study.version(),
                        CaseStudySearchDocument.of(study, city.orElse(null))))
                .thenReturn(study);
    }

    /** The case studies with these ids, in one query. */
    Flux<CaseStudy> getAll(java.util.Collection<String> ids) {
        return studies.findAllById(ids);
    }

    /** Reference codes must exist, and every step must climb exactly one level. */
    private CaseStudyContent check(CaseStudyContent content) {
        List<Problems.FieldMessage> errors = new ArrayList<>();
        for (int i = 0; i < content.steps().size(); i++) {
            var step = content.steps().get(i);
            boolean oneUp = step.fromLevel().isAssessed() && step.fromLevel().next().filter(step.toLevel()::equals).isPresent();
            if (!oneUp) {
                errors.add(Problems.FieldMessage.of("steps[" + i + "].toLevel", "caseStudy.stepOneLevel"));
            }
            if (!step.characteristic().rated()) {
                errors.add(Problems.FieldMessage.of("steps[" + i + "].characteristic", "caseStudy.stepUnrated"));
            }
        }
        if (content.funding() != null) {
            content.funding().instruments().stream().filter(code -> !reference.isFinancingInstrument(code)).sorted()
                    .forEach(code -> errors.add(Problems.FieldMessage.of("funding.instruments", "caseStudy.unknownInstrument", code)));
        }
        if (content.businessModel() != null && !reference.isBusinessModel(content.businessModel())) {
            errors.add(Problems.FieldMessage.of("businessModel", "caseStudy.unknownBusinessModel", content.businessModel()));
        }
        content.technologies().stream().filter(code -> !reference.isTechnologyTag(code)).sorted()
                .forEach(code -> errors.add(Problems.FieldMessage.of("technologies", "caseStudy.unknownTechnology", code)));
        if (!errors.isEmpty()) {
            throw ApiException.invalid("problem.invalidFields", errors, errors.size());
        }
        return new CaseStudyContent(content.title(), content.summary(), RichText.sanitise(content.body()),
                content.serviceDomains(), content.steps(), content.stage(), content.startDate(), content.endDate(),
                content.flags(), content.targetGroups(), content.benefits(), content.funding(), content.businessModel(),
                content.technologies(), content.partners(), content.inclusionMeasures(), content.lessonsLearned(),
                content.contact(), content.licence());
    }

    private boolean maySee(CaseStudy study, CurrentUser user) {
        return study.status() == CaseStudyStatus.PUBLISHED || isCurator(user) || isOwner(study, user);
    }

    private static boolean isOwner(CaseStudy study, CurrentUser user) {
        return user.has(Role.CITY_EDITOR) && user.cityId().filter(study.cityId()::equals).isPresent();
    }

    private static boolean isCurator(CurrentUser user) {
        return user.has(Role.CURATOR) || user.has(Role.ADMIN);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Deletes every case study of the city (the city itself is being deleted), each recorded in the
     * search outbox first, so its search document goes too even if this stops halfway. Emits how many.
     */
    public Mono<Long> deleteAllOfCity(String cityId) {
        return scanOfCity(cityId)
                .concatMap(id -> outbox.add(CaseStudySearchDocument.INDEX, id)
                        .flatMap(pending -> studies.deleteById(id).then(indexer.removeAndSettle(pending))))
                .count();
    }
}
