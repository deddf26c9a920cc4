package org.citystep.assessment;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.citystep.city.CityService;
import org.citystep.expert.ExpertService;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceData;
import org.citystep.reference.ReferenceDataService;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.i18n.MessageRef;
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

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The self-assessment workflow. Who may do what is checked here: a city's editors work on their own
 * city's draft; experts (and admins) validate or return it; experts, curators and admins may read
 * drafts; the validated assessments are public.
 */
@Service
public class AssessmentService {

    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);

    private final Assessments assessments;
    private final ReactiveMongoTemplate template;
    private final CityService cities;
    private final ExpertService experts;
    private final ReferenceDataService reference;
    private final Clock clock;

    AssessmentService(Assessments assessments, ReactiveMongoTemplate template, CityService cities,
            ExpertService experts, ReferenceDataService reference, Clock clock) {
        this.assessments = assessments;
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

    public Mono<AssessmentView> draft(String cityId, CurrentUser user) {
        if (!mayReadDrafts(cityId, user)) {
            return Mono.error(ApiException.forbidden("assessment.draftForbidden"));
        }
        return requireCity(cityId)
                .then(assessments.findById(cityId))
                .filter(all -> all.draft() != null)
                .map(all -> view(cityId, all.draft(), all.version(), true))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("draftAssessment", cityId)));
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
                    all.saveDraft(answers, clock.instant());
                    return save(all);
                })
                .map(all -> view(cityId, all.draft(), all.version(), true));
    }

    public Mono<AssessmentView> submit(String cityId, long version, CurrentUser user) {
        if (!user.mayEditCity(cityId)) {
            return Mono.error(ApiException.forbidden("assessment.submitForbidden"));
        }
        return step(cityId, version, all -> all.submit(user.username(), clock.instant()))
                .map(all -> view(cityId, all.draft(), all.version(), true));
    }

    public Mono<AssessmentView> returnForChanges(String cityId, long version, String note, CurrentUser user) {
        return requireReviewer(cityId, user)
                .then(step(cityId, version, all -> all.returnForChanges(user.username(), note, clock.instant())))
                .map(all -> view(cityId, all.draft(), all.version(), true));
    }

    /**
     * Validates the submitted draft; its derived levels become the city's current levels. The
     * validation stands once it is saved: should handing the levels to the city fail, the
     * reconciler completes it later.
     */
    public Mono<AssessmentView> validate(String cityId, long version, @Nullable String note, CurrentUser user) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return requireReviewer(cityId, user)
                .then(step(cityId, version, all -> all.validate(this::levels, today, user.username(), note,
                        clock.instant())))
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

    private Mono<CityAssessments> step(String cityId, long version, java.util.function.Consumer<CityAssessments> change) {
        return requireCity(cityId)
                .then(assessments.findById(cityId))
                .switchIfEmpty(Mono.error(() -> ApiException.conflict("assessment.noDraftOf", cityId)))
                .flatMap(all -> {
                    checkVersion(cityId, version, all);
                    change.accept(all);
                    return save(all);
                });
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

    private static boolean mayReadDrafts(String cityId, CurrentUser user) {
        return user.mayEditCity(cityId) || user.has(Role.EXPERT) || user.has(Role.CURATOR);
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
    public Mono<Void> deleteAllOfCity(String cityId) {
        return assessments.deleteById(cityId);
    }
}
