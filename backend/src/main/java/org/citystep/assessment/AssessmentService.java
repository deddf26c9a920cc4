package org.citystep.assessment;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.citystep.audit.AuditEvent;
import org.citystep.audit.AuditLog;
import org.citystep.city.City;
import org.citystep.city.CityService;
import org.citystep.expert.ExpertService;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceData;
import org.citystep.reference.ReferenceDataService;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.i18n.MessageRef;
import org.citystep.shared.mongo.IdBatches;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.ProblemType;
import org.citystep.shared.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The self-assessment workflow. Who may do what is checked here: a city's editors work on their own
 * city's draft; a submitted draft waits in the review queue until a curator assigns it to an
 * approved expert with matching expertise, or such an expert claims it; only that expert (or an
 * admin) validates or returns it. Drafts are read by the city's editors, the assigned expert,
 * curators and admins; the validated assessments are public. Every write is audited.
 */
@Service
public class AssessmentService {

    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);

    private final Assessments assessments;
    private final Reviews reviews;
    private final AuditLog audit;
    private final ReactiveMongoTemplate template;
    private final CityService cities;
    private final ExpertService experts;
    private final ReferenceDataService reference;
    private final Clock clock;

    AssessmentService(Assessments assessments, Reviews reviews, AuditLog audit, ReactiveMongoTemplate template,
            CityService cities, ExpertService experts, ReferenceDataService reference, Clock clock) {
        this.assessments = assessments;
        this.reviews = reviews;
        this.audit = audit;
        this.template = template;
        this.cities = cities;
        this.experts = experts;
        this.reference = reference;
        this.clock = clock;
    }

    public Mono<AssessmentView> current(String cityId) {
        return projected(cityId, "current")
                .flatMap(all -> all.current() == null ? Mono.empty() : Mono.just(view(cityId, all.current(), null, false)))
                .switchIfEmpty(Mono.defer(() -> requireCity(cityId).then(Mono.error(ApiException.notFound(
                        "validatedAssessment", cityId)))));
    }

    /**
     * One validated round of a city's self-assessment: the levels as they were judged (never a draft).
     *
     * @param assessedAt  the day the levels were judged
     * @param validatedAt when the round was validated (its last change)
     */
    public record ValidatedRound(String cityId, int round, Map<Characteristic, MaturityLevel> levels,
            LocalDate assessedAt, Instant validatedAt) {
    }

    /**
     * Every validated round of every shown city (not retired, not being deleted), or those validated
     * after {@code since}, in bounded memory: what open data publishes. Drafts, submitted and returned
     * rounds are never in it. Which cities are shown is read by id, one query per batch.
     */
    public Flux<ValidatedRound> validatedRounds(@Nullable Instant since) {
        return IdBatches.all(template, CityAssessments.class, 200)
                .buffer(200)
                .concatMap(batch -> cities.getAll(batch.stream().map(CityAssessments::cityId).toList())
                        .filter(city -> city.state() == null)
                        .map(City::id)
                        .collect(Collectors.toSet())
                        .flatMapIterable(shown -> batch.stream().filter(city -> shown.contains(city.cityId()))
                                .flatMap(city -> validatedRounds(city, since).stream()).toList()));
    }

    private static List<ValidatedRound> validatedRounds(CityAssessments city, @Nullable Instant since) {
        List<AssessmentRecord> rounds = new ArrayList<>();
        if (city.current() != null) {
            rounds.add(city.current());
        }
        rounds.addAll(city.history());
        return rounds.stream()
                .filter(round -> round.status() == AssessmentStatus.VALIDATED && round.levels() != null
                        && round.assessedAt() != null)
                .filter(round -> since == null || round.updatedAt().isAfter(since))
                .sorted(Comparator.comparingInt(AssessmentRecord::round))
                .map(round -> new ValidatedRound(city.cityId(), round.round(), round.levels(), round.assessedAt(),
                        round.updatedAt()))
                .toList();
    }

    /** Whether the city has a validated assessment. */
    public Mono<Boolean> hasValidated(String cityId) {
        return projected(cityId, "current").map(all -> all.current() != null).defaultIfEmpty(false);
    }

    /** The criteria met per characteristic in the city's current validated assessment; empty before one. */
    public Mono<Map<Characteristic, Set<String>>> criteriaMet(String cityId) {
        return projected(cityId, "current")
                .filter(all -> all.current() != null)
                .map(all -> {
                    Map<Characteristic, Set<String>> met = new EnumMap<>(Characteristic.class);
                    all.current().answers().forEach(answer -> met.put(answer.characteristic(), answer.criteriaMet()));
                    return met;
                })
                .defaultIfEmpty(Map.of());
    }

    /** The earlier validated assessments, newest first. */
    public Mono<PageResponse<AssessmentView>> history(String cityId, PageParams page) {
        return requireCity(cityId)
                .then(projected(cityId, "history"))
                .map(all -> {
                    List<AssessmentRecord> history = all.history();
                    int from = (int) Math.min((long) page.page() * page.size(), history.size());
                    int to = Math.min(from + page.size(), history.size());
                    return new PageResponse<>(history.subList(from, to).stream()
                            .map(record -> view(cityId, record, null, false)).toList(),
                            page.page(), page.size(), history.size());
                })
                .defaultIfEmpty(new PageResponse<>(List.of(), page.page(), page.size(), 0));
    }

    /**
     * The draft, for the city's editors, curators, admins and the expert assigned to review it; empty
     * while the city has none (an unknown city is still an error). Another expert is refused even when
     * there is no draft, so the answer tells nothing.
     */
    public Mono<AssessmentView> draft(String cityId, CurrentUser user) {
        if (!user.mayEditCity(cityId) && !user.has(Role.EXPERT)) {
            return Mono.error(ApiException.forbidden("assessment.draftForbidden"));
        }
        return requireCity(cityId)
                .then(assessments.findById(cityId))
                .filter(all -> all.draft() != null)
                .flatMap(all -> user.mayEditCity(cityId) || isAssigned(all.draft(), user)
                        ? draftView(cityId, all) : Mono.error(ApiException.forbidden("assessment.draftForbidden")))
                .switchIfEmpty(Mono.defer(() -> user.mayEditCity(cityId) ? Mono.empty()
                        : Mono.error(ApiException.forbidden("assessment.draftForbidden"))));
    }

    /**
     * The review queue: assessments submitted and waiting for an expert, assigned ones, and those
     * returned to their city, oldest submission first. Curators and admins see all; an expert sees
     * those waiting for an expert and those assigned to it.
     */
    public Mono<PageResponse<ReviewItem>> reviewQueue(@Nullable ReviewStatus status, boolean mine, PageParams page,
            CurrentUser user) {
        boolean curator = user.has(Role.CURATOR) || user.has(Role.ADMIN);
        if (!curator && !user.has(Role.EXPERT)) {
            return Mono.error(ApiException.forbidden("assessment.reviewQueueForbidden"));
        }
        List<org.springframework.data.mongodb.core.query.Criteria> criteria = new ArrayList<>();
        if (status != null) {
            criteria.add(where("status").is(status));
        }
        String own = user.expertId().filter(id -> user.has(Role.EXPERT)).orElse("");
        if (mine) {
            criteria.add(where("expertId").is(own));
        } else if (!curator) {
            criteria.add(new org.springframework.data.mongodb.core.query.Criteria().orOperator(
                    where("status").is(ReviewStatus.SUBMITTED), where("expertId").is(own)));
        }
        Query query = criteria.isEmpty() ? new Query()
                : new Query(new org.springframework.data.mongodb.core.query.Criteria().andOperator(criteria));
        return Mono.zip(template.find(Query.of(query).with(page.toPageRequest(
                                org.springframework.data.domain.Sort.by("submittedAt", "_id"))), ReviewEntry.class)
                                .collectList(),
                        template.count(Query.of(query), ReviewEntry.class))
                .flatMap(found -> items(found.getT1()).map(items -> new PageResponse<>(items, page.page(), page.size(),
                        found.getT2())));
    }

    private Mono<List<ReviewItem>> items(List<ReviewEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.just(List.of());
        }
        Set<String> expertIds = entries.stream().map(ReviewEntry::expertId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        return Mono.zip(cities.getAll(entries.stream().map(ReviewEntry::cityId).toList())
                                .collectMap(city -> city.id(), city -> city.profile().name()),
                        experts.names(expertIds))
                .map(names -> entries.stream().map(entry -> new ReviewItem(entry.cityId(),
                        names.getT1().getOrDefault(entry.cityId(), Map.of("en", entry.cityId())), entry.round(),
                        entry.status(), entry.expertId(),
                        entry.expertId() == null ? null : names.getT2().get(entry.expertId()),
                        entry.characteristics(), entry.submittedAt(), entry.updatedAt(), entry.version())).toList());
    }

    /**
     * A curator (or admin) assigns the submitted draft's review to an approved expert with expertise
     * in one of its characteristics, never one of the city's own editors.
     */
    public Mono<AssessmentView> assign(String cityId, long version, String expertId, CurrentUser user) {
        if (!user.has(Role.CURATOR) && !user.has(Role.ADMIN)) {
            return Mono.error(ApiException.forbidden("assessment.assignCuratorsOnly"));
        }
        return submittedDraft(cityId, version)
                .flatMap(all -> experts.reviewerFor(expertId, all.draft().answered()))
                .then(step(cityId, version, all -> all.assign(expertId, clock.instant()), "assessment.assigned", user,
                        Map.of("expertId", expertId), null))
                .flatMap(all -> draftView(cityId, all));
    }

    /** An approved expert with matching expertise takes on a submitted draft's review. */
    public Mono<AssessmentView> claim(String cityId, long version, CurrentUser user) {
        return requireReviewerRecord(cityId, user)
                .then(submittedDraft(cityId, version))
                .flatMap(all -> experts.reviewerFor(user.expertId().orElseThrow(), all.draft().answered()))
                .onErrorMap(ApiException.class, e -> e.getStatusCode().value() == 409
                        && "expert.noMatchingExpertise".equals(e.code())
                        ? ApiException.forbidden("assessment.claimNeedsExpertise") : e)
                .then(Mono.defer(() -> step(cityId, version,
                        all -> all.claim(user.expertId().orElseThrow(), clock.instant()), "assessment.claimed", user,
                        Map.of("expertId", user.expertId().orElseThrow()), null)))
                .flatMap(all -> draftView(cityId, all));
    }

    /** The city's assessments with a submitted draft at {@code version}; refused as a conflict otherwise. */
    private Mono<CityAssessments> submittedDraft(String cityId, long version) {
        return requireCity(cityId)
                .then(assessments.findById(cityId))
                .switchIfEmpty(Mono.error(() -> ApiException.conflict("assessment.noDraftOf", cityId)))
                .map(all -> {
                    checkVersion(cityId, version, all);
                    if (all.draft() == null) {
                        throw ApiException.conflict("assessment.noDraftOf", cityId);
                    }
                    if (all.draft().status() != AssessmentStatus.SUBMITTED) {
                        throw ApiException.conflict("assessment.notSubmitted",
                                new MessageRef("assessment.status." + all.draft().status().name()));
                    }
                    return all;
                });
    }

    private static boolean isAssigned(@Nullable AssessmentRecord draft, CurrentUser user) {
        return draft != null && draft.reviewerId() != null && user.has(Role.EXPERT)
                && user.expertId().filter(draft.reviewerId()::equals).isPresent();
    }

    private Mono<AssessmentView> draftView(String cityId, CityAssessments all) {
        AssessmentRecord draft = all.draft();
        if (draft == null) {
            return Mono.error(ApiException.notFound("draftAssessment", cityId));
        }
        AssessmentView view = view(cityId, draft, all.version(), true);
        if (draft.reviewerId() == null) {
            return Mono.just(view);
        }
        return experts.names(List.of(draft.reviewerId()))
                .map(names -> view.withReviewer(new AssessmentView.Reviewer(draft.reviewerId(),
                        names.getOrDefault(draft.reviewerId(), draft.reviewerId()))));
    }

    /**
     * Saves the city's draft. A first draft needs no version; once there is one, the version read
     * must be sent back.
     */
    public Mono<AssessmentView> saveDraft(String cityId, @Nullable Long version, List<Answer> answers,
            CurrentUser user) {
        if (!user.mayEditCity(cityId)) {
            return Mono.error(user.cityId()
                    .map(own -> ApiException.forbidden("assessment.ownCityOnly", own, cityId))
                    .orElseGet(() -> ApiException.forbidden("assessment.editForbidden", cityId)));
        }
        checkAnswers(answers);
        return requireCity(cityId)
                .then(assessments.findById(cityId).defaultIfEmpty(CityAssessments.of(cityId)))
                .flatMap(all -> {
                    if (!all.isNew() && all.draft() != null) {
                        checkVersion(cityId, version, all);
                    }
                    Long before = all.isNew() ? null : all.version();
                    all.saveDraft(answers, clock.instant());
                    return save(all).flatMap(saved -> audit.record(user, AuditEvent.of("assessment.draftSaved",
                            "assessment", cityId, cityId, before, saved.version())).thenReturn(saved));
                })
                .flatMap(all -> draftView(cityId, all));
    }

    public Mono<AssessmentView> submit(String cityId, long version, CurrentUser user) {
        if (!user.mayEditCity(cityId)) {
            return Mono.error(ApiException.forbidden("assessment.submitForbidden"));
        }
        return step(cityId, version, all -> all.submit(user.username(), clock.instant()), "assessment.submitted", user,
                Map.of(), null)
                .flatMap(all -> draftView(cityId, all));
    }

    /** The assigned expert (or an admin) returns the submitted draft to the city with a note. */
    public Mono<AssessmentView> returnForChanges(String cityId, long version, String note, CurrentUser user) {
        return requireReviewer(cityId, user)
                .then(step(cityId, version, all -> {
                    requireAssigned(all, user);
                    all.returnForChanges(user.username(), note, clock.instant());
                }, "assessment.returned", user, Map.of(), note))
                .flatMap(all -> draftView(cityId, all));
    }

    /**
     * Validates the submitted draft; its derived levels become the city's current levels. The
     * validation stands once it is saved: should handing the levels to the city fail, the
     * reconciler completes it later.
     */
    public Mono<AssessmentView> validate(String cityId, long version, @Nullable String note, CurrentUser user) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return requireReviewer(cityId, user)
                .then(step(cityId, version, all -> {
                    requireAssigned(all, user);
                    all.validate(this::levels, today, user.username(), note, clock.instant());
                }, "assessment.validated", user, Map.of(), note))
                .flatMap(all -> adoptLevels(all.cityId(), all.current())
                        .onErrorResume(failure -> {
                            log.warn("Validated assessment of {} saved; its levels reach the city later: {}",
                                    cityId, failure.toString());
                            return Mono.empty();
                        })
                        .thenReturn(view(cityId, all.current(), null, false)));
    }

    /** Hands the levels of every validated assessment the city does not carry yet to the city. */
    public Mono<Long> reconcileLevels() {
        Query pending = Query.query(where("current.levelsAdopted").is(false));
        pending.fields().include("current");
        return template.find(pending, CityAssessments.class)
                .concatMap(all -> adoptLevels(all.cityId(), all.current()).thenReturn(1L)
                        .onErrorResume(failure -> Mono.just(0L)))
                .reduce(0L, Long::sum);
    }

    /** Records a validated assessment of the demo data set as the city's current one. */
    public Mono<AssessmentView> seedValidated(String cityId, List<Answer> answers, LocalDate assessedAt,
            String validatedBy) {
        checkAnswers(answers);
        var now = clock.instant();
        return assessments.findById(cityId).defaultIfEmpty(CityAssessments.of(cityId))
                .flatMap(all -> {
                    all.adopt(AssessmentRecord.draft(1, answers, now).validated(levels(answers), assessedAt,
                            validatedBy, "Demo data", now));
                    return save(all);
                })
                .flatMap(all -> adoptLevels(all.cityId(), all.current()).thenReturn(view(cityId, all.current(), null, false)));
    }

    /**
     * Records a submitted next round of the demo data set, waiting in the review queue for an
     * expert. Leaves a city that has a draft already alone.
     */
    public Mono<Void> seedSubmitted(String cityId, List<Answer> answers, String submittedBy) {
        checkAnswers(answers);
        var now = clock.instant();
        return assessments.findById(cityId)
                .filter(all -> all.draft() == null)
                .flatMap(all -> {
                    long before = all.version();
                    all.saveDraft(answers, now);
                    all.submit(submittedBy, now);
                    return save(all).flatMap(saved -> queue(saved)
                            .then(audit.recordSystem(AuditEvent.of("assessment.submitted", "assessment", cityId, cityId,
                                    before, saved.version()))));
                })
                .then();
    }

    /** A validated self-assessment of a generated data set. */
    public record SeedValidatedAssessment(String cityId, List<Answer> answers, LocalDate assessedAt) {
    }

    /**
     * {@link #seedValidated} for many cities at once, 500 per batch: each set of answers is checked
     * and its levels derived exactly as there, the assessments are inserted, the cities take their
     * levels in one bulk write, and the assessments are then noted as adopted. For bulk loads on
     * cities without assessments, which rebuild the search indexes afterwards.
     */
    public Mono<Long> seedValidatedAll(List<SeedValidatedAssessment> all, String validatedBy) {
        return reactor.core.publisher.Flux.fromIterable(all)
                .buffer(500)
                .concatMap(batch -> {
                    var now = clock.instant();
                    List<CityAssessments> built = new ArrayList<>();
                    List<CityService.AssessedLevels> levels = new ArrayList<>();
                    for (SeedValidatedAssessment seed : batch) {
                        checkAnswers(seed.answers());
                        CityAssessments assessments = CityAssessments.of(seed.cityId());
                        assessments.adopt(AssessmentRecord.draft(1, seed.answers(), now).validated(levels(seed.answers()),
                                seed.assessedAt(), validatedBy, "Generated data", now));
                        built.add(assessments);
                        levels.add(new CityService.AssessedLevels(seed.cityId(), assessments.current().levels(),
                                seed.assessedAt(), assessments.current().round()));
                    }
                    List<String> ids = batch.stream().map(SeedValidatedAssessment::cityId).toList();
                    return assessments.insert(built).then()
                            .then(cities.adoptAssessedLevelsAll(levels))
                            .then(template.updateMulti(Query.query(where("_id").in(ids)),
                                    Update.update("current.levelsAdopted", true),
                                    template.getCollectionName(CityAssessments.class)))
                            .thenReturn((long) batch.size());
                })
                .reduce(0L, Long::sum);
    }

    /** The level of every rated characteristic that a set of answers shows. */
    public Map<Characteristic, MaturityLevel> levels(List<Answer> answers) {
        Map<Characteristic, Answer> byCharacteristic = answers.stream()
                .collect(Collectors.toMap(Answer::characteristic, Function.identity()));
        Map<Characteristic, MaturityLevel> levels = new EnumMap<>(Characteristic.class);
        for (Characteristic characteristic : Characteristic.ratedOnes()) {
            Answer answer = byCharacteristic.get(characteristic);
            levels.put(characteristic, answer == null ? MaturityLevel.NOT_ASSESSED
                    : reference.derivedLevel(characteristic, answer.criteriaMet()));
        }
        return levels;
    }

    /**
     * One step of the workflow on the city's assessments at {@code version}: the change, the write,
     * the review queue brought up to date, then the audit entry (with the assigned expert, if any).
     */
    private Mono<CityAssessments> step(String cityId, long version, java.util.function.Consumer<CityAssessments> change,
            String action, CurrentUser user, Map<String, String> details, @Nullable String note) {
        return requireCity(cityId)
                .then(assessments.findById(cityId))
                .switchIfEmpty(Mono.error(() -> ApiException.conflict("assessment.noDraftOf", cityId)))
                .flatMap(all -> {
                    checkVersion(cityId, version, all);
                    long before = all.version();
                    String reviewer = all.draft() == null ? null : all.draft().reviewerId();
                    change.accept(all);
                    Map<String, String> facts = new java.util.HashMap<>(details);
                    if (reviewer != null) {
                        facts.putIfAbsent("expertId", reviewer);
                    }
                    return save(all)
                            .flatMap(saved -> queue(saved).thenReturn(saved))
                            .flatMap(saved -> audit.record(user, AuditEvent.of(action, "assessment", cityId, cityId,
                                    before, saved.version()).withDetails(facts).withNote(note)).thenReturn(saved));
                });
    }

    /**
     * Brings the city's entry in the review queue up to date with its assessments: present while a
     * draft is submitted or returned, gone once validated. A failure here leaves the step done (it is
     * saved); the reconciler puts the queue right later.
     */
    private Mono<Void> queue(CityAssessments all) {
        AssessmentRecord draft = all.draft();
        Mono<Void> write;
        if (draft == null || draft.status() == AssessmentStatus.DRAFT && draft.reviewNotes().isEmpty()) {
            write = reviews.deleteById(all.cityId());
        } else if (draft.status() == AssessmentStatus.SUBMITTED || draft.status() == AssessmentStatus.RETURNED
                || draft.status() == AssessmentStatus.DRAFT) {
            write = reviews.findById(all.cityId()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(before -> reviews.save(ReviewEntry.of(all.cityId(), all.version(), draft, before.orElse(null),
                            clock.instant())))
                    .then();
        } else {
            write = Mono.empty();
        }
        return write.onErrorResume(failure -> {
            log.warn("Review queue entry of {} not updated, the reconciler does it later: {}", all.cityId(),
                    failure.toString());
            return Mono.empty();
        });
    }

    /**
     * Puts the review queue right after failed queue writes: an entry for every draft in review, none
     * for the others. A background job (it reads every assessment with a draft).
     */
    public Mono<Long> reconcileReviewQueue() {
        Query inReview = Query.query(where("draft.status").in(AssessmentStatus.SUBMITTED, AssessmentStatus.RETURNED));
        inReview.fields().include("draft").include("version");
        Mono<Set<String>> reviewed = template.find(inReview, CityAssessments.class)
                .concatMap(all -> {
                    ReviewEntry wanted = ReviewEntry.of(all.cityId(), all.version(), all.draft(), null, clock.instant());
                    return reviews.findById(all.cityId())
                            .filter(entry -> entry.round() == wanted.round() && entry.status() == wanted.status()
                                    && entry.version() == wanted.version()
                                    && java.util.Objects.equals(entry.expertId(), wanted.expertId()))
                            .switchIfEmpty(Mono.defer(() -> reviews.save(wanted)))
                            .thenReturn(all.cityId());
                })
                .collect(Collectors.toSet());
        return reviewed.flatMap(keep -> reviews.findAll()
                .filter(entry -> !keep.contains(entry.cityId()))
                .concatMap(entry -> assessments.findById(entry.cityId())
                        .filter(all -> all.draft() != null && all.draft().status() == AssessmentStatus.DRAFT)
                        .hasElement()
                        .flatMap(editing -> editing ? Mono.just(0L) : reviews.delete(entry).thenReturn(1L)))
                .reduce(0L, Long::sum));
    }

    /** Validating or returning is for the expert assigned to the draft's review, or an admin. */
    private static void requireAssigned(CityAssessments all, CurrentUser user) {
        if (user.has(Role.ADMIN)) {
            return;
        }
        AssessmentRecord draft = all.draft();
        if (draft != null && draft.reviewerId() == null && draft.status() == AssessmentStatus.SUBMITTED) {
            throw ApiException.forbidden("assessment.claimFirst");
        }
        if (draft != null && !isAssigned(draft, user)) {
            throw ApiException.forbidden("assessment.notYourReview");
        }
    }

    /**
     * Hands the validated levels to the city, then notes on the assessment that the city has them.
     * A separate write from the validation: retried here, and completed by {@link #reconcileLevels}
     * if it still fails; the city's round guard keeps a late retry from undoing newer levels.
     */
    private Mono<Void> adoptLevels(String cityId, AssessmentRecord validated) {
        Query sameRound = Query.query(where("_id").is(cityId).and("current.round").is(validated.round()));
        return cities.adoptAssessedLevels(cityId, validated.levels(), validated.assessedAt(), validated.round())
                .retryWhen(Retry.backoff(3, Duration.ofMillis(100)))
                // bookkeeping, not a change: by collection name, so Spring Data does not increment the version
                .then(template.updateFirst(sameRound, Update.update("current.levelsAdopted", true),
                        template.getCollectionName(CityAssessments.class)))
                .then();
    }

    /** The city's assessments with only {@code field} read: the others may be large. */
    private Mono<CityAssessments> projected(String cityId, String field) {
        Query query = Query.query(where("_id").is(cityId));
        query.fields().include(field);
        return template.findOne(query, CityAssessments.class);
    }

    /**
     * Validating or returning needs an approved expert record (the token's {@code expertId}), and
     * never for a city one edits; admins may act as reviewers.
     */
    private Mono<Void> requireReviewer(String cityId, CurrentUser user) {
        if (user.has(Role.ADMIN)) {
            return Mono.empty();
        }
        return requireReviewerRecord(cityId, user);
    }

    /** An expert with an approved expert record, not of the city itself. */
    private Mono<Void> requireReviewerRecord(String cityId, CurrentUser user) {
        if (!user.has(Role.EXPERT)) {
            return Mono.error(ApiException.forbidden("assessment.reviewExpertsOnly"));
        }
        if (user.cityId().filter(cityId::equals).isPresent()) {
            return Mono.error(ApiException.forbidden("assessment.reviewOwnCity"));
        }
        return user.expertId()
                .map(expertId -> experts.isApproved(expertId).flatMap(approved -> approved ? Mono.<Void>empty()
                        : Mono.error(ApiException.forbidden("assessment.expertNotApproved", expertId))))
                .orElse(Mono.error(ApiException.forbidden("assessment.noExpertRecord")));
    }

    private Mono<CityAssessments> save(CityAssessments all) {
        return assessments.save(all)
                .onErrorMap(OptimisticLockingFailureException.class, e -> new ApiException(
                        ProblemType.STALE_VERSION, "assessment.changedMeanwhile", all.cityId()));
    }

    private Mono<Void> requireCity(String cityId) {
        return cities.exists(cityId)
                .flatMap(exists -> exists ? Mono.<Void>empty() : Mono.error(ApiException.notFound("city", cityId)));
    }

    private static void checkVersion(String cityId, @Nullable Long sent, CityAssessments all) {
        if (sent == null) {
            throw ApiException.invalid("problem.versionRequired",
                    List.of(Problems.FieldMessage.of("version", "assessment.versionRequired")));
        }
        if (sent != all.version()) {
            throw ApiException.staleVersion("assessment", cityId, sent, all.version());
        }
    }

    /** Criteria and questions must belong to the characteristic they are filed under. */
    private void checkAnswers(List<Answer> answers) {
        List<Problems.FieldMessage> errors = new ArrayList<>();
        Set<Characteristic> seen = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            String at = "characteristics[" + i + "]";
            if (!seen.add(answer.characteristic())) {
                errors.add(Problems.FieldMessage.of(at + ".characteristic", "assessment.answeredTwice"));
            }
            var entry = reference.characteristic(answer.characteristic());
            Set<String> criteria = entry.criteria().stream().map(ReferenceData.Criterion::code).collect(Collectors.toSet());
            answer.criteriaMet().stream().filter(code -> !criteria.contains(code)).sorted().forEach(code -> errors.add(
                    Problems.FieldMessage.of(at + ".criteriaMet", "assessment.unknownCriterion", code,
                            new MessageRef("characteristic." + answer.characteristic().name()))));
            Set<String> questions = entry.questions().stream().map(ReferenceData.Question::code).collect(Collectors.toSet());
            answer.answers().keySet().stream().filter(code -> !questions.contains(code)).sorted().forEach(code -> errors.add(
                    Problems.FieldMessage.of(at + ".evidence.answers", "assessment.unknownQuestion", code,
                            new MessageRef("characteristic." + answer.characteristic().name()))));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("assessment.invalidEntries", errors, errors.size());
        }
    }

    private AssessmentView view(String cityId, AssessmentRecord record, @Nullable Long version, boolean withNotes) {
        Map<Characteristic, Answer> byCharacteristic = record.answers().stream()
                .collect(Collectors.toMap(Answer::characteristic, Function.identity()));
        Map<Characteristic, MaturityLevel> levels = record.levels() != null ? record.levels() : levels(record.answers());
        List<AssessmentView.CharacteristicView> characteristics = Arrays.stream(Characteristic.values())
                .map(characteristic -> {
                    Answer answer = byCharacteristic.get(characteristic);
                    MaturityLevel level = characteristic.rated()
                            ? levels.getOrDefault(characteristic, MaturityLevel.NOT_ASSESSED) : null;
                    return new AssessmentView.CharacteristicView(characteristic, level,
                            answer == null ? Set.of() : new java.util.TreeSet<>(answer.criteriaMet()),
                            new AssessmentView.Evidence(answer == null ? Map.of() : answer.answers(),
                                    answer == null ? List.of() : answer.links()));
                })
                .toList();
        return new AssessmentView(cityId, record.status(), record.round(), record.assessedAt(), record.updatedAt(),
                characteristics, version, withNotes ? record.reviewNotes() : null);
    }

    /** Deletes the city's self-assessments, draft and history (the city itself is being deleted). */
    /** A deleted city's assessments and its place in the review queue. */
    public Mono<Void> deleteAllOfCity(String cityId) {
        return template.remove(Query.query(where("_id").is(cityId)), ReviewEntry.class)
                .then(assessments.deleteById(cityId));
    }
}
