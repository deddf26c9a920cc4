package org.citystep.assessment;

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
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceData;
import org.citystep.reference.ReferenceDataService;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.paging.PageResponse;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
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

    private final Assessments assessments;
    private final CityService cities;
    private final ReferenceDataService reference;
    private final Clock clock;

    AssessmentService(Assessments assessments, CityService cities, ReferenceDataService reference, Clock clock) {
        this.assessments = assessments;
        this.cities = cities;
        this.reference = reference;
        this.clock = clock;
    }

    public Mono<AssessmentView> current(String cityId) {
        return existing(cityId)
                .flatMap(all -> all.current() == null ? Mono.empty() : Mono.just(view(cityId, all.current(), null, false)))
                .switchIfEmpty(Mono.defer(() -> requireCity(cityId).then(Mono.error(ApiException.notFound(
                        "validated self-assessment for city", cityId)))));
    }

    /** The earlier validated assessments, newest first. */
    public Mono<PageResponse<AssessmentView>> history(String cityId, PageParams page) {
        return requireCity(cityId)
                .then(assessments.findById(cityId))
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
            return Mono.error(ApiException.forbidden("Drafts are visible to the city's editors, experts and curators."));
        }
        return requireCity(cityId)
                .then(assessments.findById(cityId))
                .filter(all -> all.draft() != null)
                .map(all -> view(cityId, all.draft(), all.version(), true))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("draft self-assessment for city", cityId)));
    }

    /**
     * Saves the city's draft. A first draft needs no version; once there is one, the version read
     * must be sent back.
     */
    public Mono<AssessmentView> saveDraft(String cityId, @Nullable Long version, List<Answer> answers,
            CurrentUser user) {
        if (!user.mayEditCity(cityId)) {
            return Mono.error(ApiException.forbidden(user.cityId()
                    .map(own -> "You can assess only your own city (" + own + "), not '" + cityId + "'.")
                    .orElse("You are not allowed to edit the assessment of city '" + cityId + "'.")));
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
            return Mono.error(ApiException.forbidden("Only the city's editors submit its assessment."));
        }
        return step(cityId, version, all -> all.submit(user.username(), clock.instant()))
                .map(all -> view(cityId, all.draft(), all.version(), true));
    }

    public Mono<AssessmentView> returnForChanges(String cityId, long version, String note, CurrentUser user) {
        if (!mayReview(user)) {
            return Mono.error(ApiException.forbidden("Only experts return an assessment for changes."));
        }
        return step(cityId, version, all -> all.returnForChanges(user.username(), note, clock.instant()))
                .map(all -> view(cityId, all.draft(), all.version(), true));
    }

    /** Validates the submitted draft; its derived levels become the city's current levels. */
    public Mono<AssessmentView> validate(String cityId, long version, @Nullable String note, CurrentUser user) {
        if (!mayReview(user)) {
            return Mono.error(ApiException.forbidden("Only experts validate an assessment."));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return step(cityId, version, all -> all.validate(levels(all.draft().answers()), today, user.username(), note,
                        clock.instant()))
                .flatMap(all -> adoptLevels(all).thenReturn(view(cityId, all.current(), null, false)));
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
                .flatMap(all -> adoptLevels(all).thenReturn(view(cityId, all.current(), null, false)));
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
                .switchIfEmpty(Mono.error(() -> ApiException.conflict("City '" + cityId + "' has no draft assessment.")))
                .flatMap(all -> {
                    checkVersion(cityId, version, all);
                    change.accept(all);
                    return save(all);
                });
    }

    /**
     * Hands the validated levels to the city. A separate write, so it is retried; the assessment
     * stays the record of what was validated.
     */
    private Mono<Void> adoptLevels(CityAssessments all) {
        AssessmentRecord current = all.current();
        return cities.adoptAssessedLevels(all.cityId(), current.levels(), current.assessedAt())
                .retryWhen(Retry.backoff(3, Duration.ofMillis(100)))
                .then();
    }

    private Mono<CityAssessments> save(CityAssessments all) {
        return assessments.save(all)
                .onErrorMap(OptimisticLockingFailureException.class, e -> ApiException.conflict(
                        "The assessment of city '" + all.cityId() + "' was changed meanwhile. Reload it and try again."));
    }

    private Mono<Void> requireCity(String cityId) {
        return cities.exists(cityId)
                .flatMap(exists -> exists ? Mono.<Void>empty() : Mono.error(ApiException.notFound("city", cityId)));
    }

    private Mono<CityAssessments> existing(String cityId) {
        return assessments.findById(cityId);
    }

    private static void checkVersion(String cityId, @Nullable Long sent, CityAssessments all) {
        if (sent == null) {
            throw ApiException.invalid("Send the 'version' of the assessment you read.",
                    List.of(new Problems.FieldProblem("version", "is required once a draft exists")));
        }
        if (sent != all.version()) {
            throw ApiException.staleVersion("assessment of city", cityId, sent, all.version());
        }
    }

    private static boolean mayReadDrafts(String cityId, CurrentUser user) {
        return user.mayEditCity(cityId) || user.has(Role.EXPERT) || user.has(Role.CURATOR);
    }

    private static boolean mayReview(CurrentUser user) {
        return user.has(Role.EXPERT) || user.has(Role.ADMIN);
    }

    /** Criteria and questions must belong to the characteristic they are filed under. */
    private void checkAnswers(List<Answer> answers) {
        List<Problems.FieldProblem> errors = new ArrayList<>();
        Set<Characteristic> seen = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            String at = "characteristics[" + i + "]";
            if (!seen.add(answer.characteristic())) {
                errors.add(new Problems.FieldProblem(at + ".characteristic", "is answered twice"));
            }
            var entry = reference.characteristic(answer.characteristic());
            Set<String> criteria = entry.criteria().stream().map(ReferenceData.Criterion::code).collect(Collectors.toSet());
            answer.criteriaMet().stream().filter(code -> !criteria.contains(code)).sorted().forEach(code -> errors.add(
                    new Problems.FieldProblem(at + ".criteriaMet", "'" + code + "' is not a criterion of "
                            + answer.characteristic())));
            Set<String> questions = entry.questions().stream().map(ReferenceData.Question::code).collect(Collectors.toSet());
            answer.answers().keySet().stream().filter(code -> !questions.contains(code)).sorted().forEach(code -> errors.add(
                    new Problems.FieldProblem(at + ".evidence.answers", "'" + code + "' is not a question of "
                            + answer.characteristic())));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The assessment has " + errors.size() + " invalid entr"
                    + (errors.size() == 1 ? "y." : "ies."), errors);
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
}
