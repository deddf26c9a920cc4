package org.citystep.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.citystep.assessment.Answer;
import org.citystep.assessment.AssessmentService;
import org.citystep.casestudy.CaseStudyService;
import org.citystep.city.CityService;
import org.citystep.expert.ExpertService;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceData;
import org.citystep.reference.ReferenceDataService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Loads the demo data set once, through the same services the API uses. */
@Component
class DemoDataLoader {

    static final String RESOURCE = "seed/pilot-cities.json";
    static final String MARKER = "pilot-cities";
    static final String CASE_STUDIES = "seed/case-studies.json";
    static final String CASE_STUDIES_MARKER = "case-studies";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoDataProperties properties;
    private final CityService cities;
    private final AssessmentService assessments;
    private final ExpertService experts;
    private final ReferenceDataService reference;
    private final JsonMapper json;
    private final DemoDataMarkers markers;
    private final CaseStudyService caseStudies;
    private final ApplicationEventPublisher events;
    private final GeneratorProperties generator;
    private final org.citystep.shared.mongo.Leases leases;
    /** Held while this instance loads; another instance starting at the same moment leaves the load to it. */
    private static final String LEASE = "demo-data-load";

    DemoDataLoader(GeneratorProperties generator, DemoDataProperties properties, CityService cities, AssessmentService assessments,
            ExpertService experts, ReferenceDataService reference, JsonMapper json, DemoDataMarkers markers,
            CaseStudyService caseStudies, ApplicationEventPublisher events, org.citystep.shared.mongo.Leases leases) {
        this.generator = generator;
        this.events = events;
        this.markers = markers;
        this.caseStudies = caseStudies;
        this.properties = properties;
        this.cities = cities;
        this.assessments = assessments;
        this.experts = experts;
        this.reference = reference;
        this.json = json;
        this.leases = leases;
    }

    /**
     * Loads the set once per database: on a first start (no city yet), or to finish a load that was
     * interrupted (no completion marker yet). Every step skips what exists, so a restart neither
     * duplicates nor fails; a second instance starting at the same time finds the load's lease
     * taken and leaves it to the first.
     */
    @EventListener(ApplicationReadyEvent.class)
    void loadOnFirstStart() {
        if (!properties.enabled() || generator.enabled()) {
            return; // a generated data set (DataGenerator) starts from the demo set itself
        }
        SeedFile seed = pilotSeed();
        CaseStudySeedFile caseStudySeed = caseStudySeed();
        leases.acquire(LEASE, java.time.Duration.ofMinutes(10))
                .filter(held -> held)
                .flatMap(held -> loadOnce(seed, caseStudySeed).doFinally(signal -> leases.release(LEASE)
                        .subscribe(null, failure -> log.warn("Could not release {}: {}", LEASE, failure.toString()))))
                .subscribe(loaded -> {
                    log.info("Loaded {} demo case studies", loaded);
                    events.publishEvent(new DemoDataLoaded(loaded));
                }, failure -> log.error("Could not load the demo data set", failure));
    }

    /** The load itself, on the one instance holding the lease; emits how many case studies it created. */
    private Mono<Long> loadOnce(SeedFile seed, CaseStudySeedFile caseStudySeed) {
        return markers.existsById(MARKER)
                .filter(done -> !done)
                // a database with cities but none of the demo set is somebody's real data: leave it alone
                .flatMap(notDone -> cities.count().zipWith(cities.anyDemo()))
                .filter(state -> state.getT1() == 0 || state.getT2())
                .flatMap(state -> load(seed)
                        .doOnNext(loaded -> log.info("Loaded the demo data set: {} cities, {} experts", loaded,
                                seed.experts().size())))
                .then(markers.existsById(MARKER).zipWith(markers.existsById(CASE_STUDIES_MARKER)))
                // case studies belong to the demo cities: only where those are, and only once
                .filter(state -> state.getT1() && !state.getT2())
                .flatMap(state -> loadCaseStudies(caseStudySeed));
    }

    SeedFile pilotSeed() {
        return read(RESOURCE, SeedFile.class);
    }

    CaseStudySeedFile caseStudySeed() {
        return read(CASE_STUDIES, CaseStudySeedFile.class);
    }

    /** Creates every missing demo case study of an existing city, then the marker; emits how many were created. */
    Mono<Long> loadCaseStudies(CaseStudySeedFile seed) {
        return Flux.fromIterable(seed.caseStudies())
                .concatMap(study -> cities.exists(study.cityId())
                        .filter(Boolean::booleanValue)
                        .flatMap(cityExists -> ignoreIfCreatedMeanwhile(caseStudies.createDemo(study.id(), study.cityId(),
                                study.content(), study.status(), study.bestPractice(),
                                study.awards() == null ? List.of() : study.awards(), study.lastVerified()))))
                .count()
                .flatMap(count -> markers.save(new DemoDataMarker(CASE_STUDIES_MARKER, seed.caseStudies().size()))
                        .thenReturn(count));
    }

    /** Creates every missing city with its validated assessment, then the experts, then the marker. */
    Mono<Long> load(SeedFile seed) {
        return Flux.fromIterable(seed.cities())
                .concatMap(city -> cities.exists(city.id())
                        .flatMap(exists -> exists ? Mono.just(city)
                                : ignoreIfCreatedMeanwhile(cities.createDemo(city.id(), city.profile())).thenReturn(city))
                        .flatMap(created -> assessments.hasValidated(city.id()))
                        .flatMap(assessed -> assessed ? Mono.just(city)
                                : assessments.seedValidated(city.id(), answers(city.assessment()),
                                        city.assessment().assessedAt(), "demo-data").thenReturn(city)))
                .count()
                .flatMap(count -> Flux.fromIterable(seed.experts())
                        .concatMap(expert -> ignoreIfCreatedMeanwhile(experts.createDemo(expert.id(), expert.profile())))
                        .then(submittedForReview(seed))
                        .then(markers.save(new DemoDataMarker(MARKER, seed.cities().size())))
                        .thenReturn(count));
    }

    /** The demo city whose next self-assessment round waits in the review queue. */
    static final String SUBMITTED_CITY = "tallinn";

    /**
     * One city's next round, submitted and waiting for an expert, so the review queue is not empty
     * in the demo: its validated answers with the next level of the first characteristic the demo
     * expert knows (strategy, governance or value assessment) that has one.
     */
    Mono<Void> submittedForReview(SeedFile seed) {
        return Mono.justOrEmpty(seed.cities().stream().filter(city -> city.id().equals(SUBMITTED_CITY)).findFirst())
                .flatMap(city -> assessments.seedSubmitted(city.id(), nextRound(city.assessment()), "editor." + city.id()))
                .onErrorResume(failure -> {
                    log.warn("Could not seed the submitted demo assessment: {}", failure.toString());
                    return Mono.empty();
                });
    }

    List<Answer> nextRound(SeedFile.SeedAssessment assessment) {
        List<Answer> answers = new ArrayList<>(answers(assessment));
        for (Characteristic characteristic : List.of(Characteristic.STRATEGY, Characteristic.GOVERNANCE,
                Characteristic.VALUE_ASSESSMENT)) {
            MaturityLevel level = assessment.levels().getOrDefault(characteristic, MaturityLevel.NOT_ASSESSED);
            var next = level.isAssessed() ? level.next() : java.util.Optional.of(MaturityLevel.BASIC);
            if (next.isEmpty()) {
                continue;
            }
            Set<String> met = new TreeSet<>();
            reference.characteristic(characteristic).criteria().stream()
                    .filter(criterion -> criterion.level().rank() <= next.get().rank())
                    .map(ReferenceData.Criterion::code)
                    .forEach(met::add);
            String question = reference.characteristic(characteristic).questions().get(0).code();
            Answer raised = new Answer(characteristic, met, Map.of(question,
                    "Demo: the new multi-year programme and its yearly review are adopted by the city council.\n\n"
                            + "演示：新的多年期计划及其年度评估已由市议会通过。"),
                    List.of("https://example.org/demo/" + SUBMITTED_CITY + "/programme"));
            answers.removeIf(answer -> answer.characteristic() == characteristic);
            answers.add(raised);
            return answers;
        }
        return answers;
    }

    private static <T> Mono<T> ignoreIfCreatedMeanwhile(Mono<T> creation) {
        return creation.onErrorResume(ErrorResponseException.class,
                e -> e.getStatusCode().value() == 409 ? Mono.empty() : Mono.error(e));
    }

    /** The criteria that show each target level: every criterion up to it, plus any of the next level met already. */
    List<Answer> answers(SeedFile.SeedAssessment assessment) {
        List<Answer> answers = new ArrayList<>();
        Map<Characteristic, Map<String, String>> evidence = assessment.evidence() == null ? Map.of() : assessment.evidence();
        for (Characteristic characteristic : Characteristic.values()) {
            MaturityLevel target = assessment.levels().getOrDefault(characteristic, MaturityLevel.NOT_ASSESSED);
            boolean answered = characteristic.rated() ? target.isAssessed() : evidence.containsKey(characteristic);
            if (!answered) {
                continue;
            }
            Set<String> met = new TreeSet<>();
            reference.characteristic(characteristic).criteria().stream()
                    .filter(criterion -> criterion.level().rank() <= target.rank())
                    .map(ReferenceData.Criterion::code)
                    .forEach(met::add);
            if (assessment.partialNext() != null) {
                met.addAll(assessment.partialNext().getOrDefault(characteristic, List.of()));
            }
            Map<String, String> text = evidence.get(characteristic);
            Map<String, String> byQuestion = text == null ? Map.of()
                    : Map.of(reference.characteristic(characteristic).questions().get(0).code(), bilingual(text));
            answers.add(new Answer(characteristic, met, byQuestion, List.of()));
        }
        return answers;
    }

    private static String bilingual(Map<String, String> text) {
        String en = text.getOrDefault("en", "");
        String zh = text.getOrDefault("zh", "");
        return zh.isBlank() ? en : en + "\n\n" + zh;
    }

    private <T> T read(String resource, Class<T> type) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readValue(in, type);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Missing " + resource, e);
        }
    }
}
