package org.citystep.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.citystep.assessment.Answer;
import org.citystep.assessment.AssessmentService;
import org.citystep.casestudy.CaseStudyService;
import org.citystep.city.CityService;
import org.citystep.city.Region;
import org.citystep.expert.ExpertService;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.search.ReindexJob;
import org.citystep.search.SearchRebuilds;
import org.citystep.shared.validation.Slugs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads a generated data set for scale tests ({@code citystep.generate.*}): the demo set first (so
 * the demo logins keep their cities and expert record), then generated cities with validated
 * self-assessments, experts and case studies up to the totals asked for, all through the services'
 * bulk paths, which check every item as a single write does. Then it rebuilds the search indexes,
 * waits for the rebuild, writes its completion marker and logs one line with the counts and the
 * seconds each phase took. Runs once, on a database without cities; the same seed gives the same data.
 */
@Component
class DataGenerator {

    static final String MARKER = "generated";
    private static final Logger log = LoggerFactory.getLogger(DataGenerator.class);

    private final GeneratorProperties properties;
    private final DemoDataLoader demo;
    private final CityService cities;
    private final AssessmentService assessments;
    private final ExpertService experts;
    private final CaseStudyService caseStudies;
    private final SearchRebuilds rebuilds;
    private final GenerationMarkers markers;
    private final ApplicationEventPublisher events;

    DataGenerator(GeneratorProperties properties, DemoDataLoader demo, CityService cities,
            AssessmentService assessments, ExpertService experts, CaseStudyService caseStudies, SearchRebuilds rebuilds,
            GenerationMarkers markers, ApplicationEventPublisher events) {
        this.properties = properties;
        this.demo = demo;
        this.cities = cities;
        this.assessments = assessments;
        this.experts = experts;
        this.caseStudies = caseStudies;
        this.rebuilds = rebuilds;
        this.markers = markers;
        this.events = events;
    }

    /** What was loaded, and how long each phase took. */
    record Loaded(long cities, long caseStudies, long experts, Map<String, Double> phaseSeconds) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void generateOnFirstStart() {
        if (!properties.enabled()) {
            return;
        }
        markers.existsById(MARKER)
                .flatMap(done -> done ? Mono.fromRunnable(() -> log.info("Generated data set present already; not generating"))
                        : cities.count().flatMap(count -> count > 0
                                ? Mono.error(new IllegalStateException("The database holds " + count
                                        + " cities but no completed generated data set; start on an empty work folder"))
                                : generateAndIndex()))
                .subscribe(loaded -> { }, failure -> log.error("Could not generate the data set", failure));
    }

    /** Loads the data set, rebuilds the search indexes, then writes the marker and logs the figures. */
    Mono<Loaded> generateAndIndex() {
        Instant started = Instant.now();
        return load(properties.cities(), properties.caseStudies(), properties.experts(), properties.seed())
                .flatMap(loaded -> timed("index", loaded.phaseSeconds(), this::rebuildAndWait).thenReturn(loaded))
                .flatMap(loaded -> markers.save(new GenerationMarker(MARKER, loaded.cities(), loaded.caseStudies(),
                        loaded.experts(), properties.seed(), loaded.phaseSeconds(), Instant.now())).thenReturn(loaded))
                .doOnNext(loaded -> {
                    log.info("Generated data set ready: {} cities, {} case studies, {} experts in {} s; phases (s): {}",
                            loaded.cities(), loaded.caseStudies(), loaded.experts(),
                            round(Duration.between(started, Instant.now()).toMillis() / 1000.0), loaded.phaseSeconds());
                    events.publishEvent(new DemoDataLoaded(loaded.caseStudies()));
                });
    }

    /**
     * Loads the demo set, then generated data up to {@code totalCities}, {@code totalCaseStudies} and
     * {@code totalExperts}; not indexed (callers rebuild the search indexes).
     */
    Mono<Loaded> load(int totalCities, int totalCaseStudies, int totalExperts, long seed) {
        // reads the seed files and builds the cities: off the event loop
        return Mono.defer(() -> loadNow(totalCities, totalCaseStudies, totalExperts, seed))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
    }

    private Mono<Loaded> loadNow(int totalCities, int totalCaseStudies, int totalExperts, long seed) {
        SeedFile pilots = demo.pilotSeed();
        CaseStudySeedFile pilotStudies = demo.caseStudySeed();
        if (totalCities < pilots.cities().size()) {
            return Mono.error(new IllegalArgumentException("Generate at least " + pilots.cities().size()
                    + " cities: the totals include the demo set"));
        }
        Map<String, Double> phases = new LinkedHashMap<>();
        SyntheticData data = new SyntheticData(seed, figure3(pilots));
        Set<String> cityIds = new HashSet<>();
        pilots.cities().forEach(city -> cityIds.add(city.id()));
        List<SyntheticData.CitySpec> generated = data.cities(totalCities - pilots.cities().size(), cityIds);
        List<SyntheticData.CitySpec> all = new ArrayList<>(generated);
        pilots.cities().forEach(city -> all.add(new SyntheticData.CitySpec(city.id(), city.profile(),
                city.assessment().levels(), city.assessment().assessedAt())));
        int moreStudies = Math.max(0, totalCaseStudies - pilotStudies.caseStudies().size());
        int moreExperts = Math.max(0, totalExperts - pilots.experts().size());
        return timed("demo-set", phases, () -> demo.load(pilots).then(demo.loadCaseStudies(pilotStudies)))
                .then(timed("cities", phases, () -> {
                    Map<String, org.citystep.city.CityProfile> profiles = new LinkedHashMap<>();
                    generated.forEach(city -> profiles.put(city.id(), city.profile()));
                    return cities.createDemoAll(profiles);
                }))
                .then(timed("assessments", phases, () -> Flux.fromIterable(generated)
                        .map(city -> new AssessmentService.SeedValidatedAssessment(city.id(), answers(city), city.assessedAt()))
                        .buffer(500)
                        .concatMap(batch -> assessments.seedValidatedAll(batch, "data-generator"))
                        .then()))
                .then(timed("experts", phases, () -> {
                    Set<String> expertIds = new HashSet<>();
                    pilots.experts().forEach(expert -> expertIds.add(expert.id()));
                    return Flux.range(0, moreExperts)
                            .map(i -> {
                                var profile = data.expert(i);
                                return new ExpertService.DemoExpert(
                                        SyntheticData.unique(Slugs.of("expert " + profile.name()), null, expertIds),
                                        profile, data.approved(i));
                            })
                            .buffer(500)
                            .concatMap(experts::createDemoAll)
                            .then();
                }))
                .then(timed("case-studies", phases, () -> {
                    Set<String> studyIds = new HashSet<>();
                    pilotStudies.caseStudies().forEach(study -> studyIds.add(study.id()));
                    return Flux.range(0, moreStudies)
                            .map(i -> data.caseStudy(i, all, studyIds))
                            .map(spec -> new CaseStudyService.DemoCaseStudy(spec.id(), spec.cityId(), spec.content(),
                                    spec.status(), spec.bestPractice(), spec.awards()))
                            .buffer(500)
                            .concatMap(caseStudies::createDemoAll)
                            .then();
                }))
                .then(Mono.fromSupplier(() -> new Loaded(totalCities,
                        pilotStudies.caseStudies().size() + moreStudies, pilots.experts().size() + moreExperts, phases)));
    }

    /** The criteria that show the city's target levels, checked against the levels they derive. */
    private List<Answer> answers(SyntheticData.CitySpec city) {
        List<Answer> answers = demo.answers(new SeedFile.SeedAssessment(city.assessedAt(), city.levels(), null, null));
        Map<Characteristic, MaturityLevel> derived = assessments.levels(answers);
        for (Characteristic characteristic : Characteristic.ratedOnes()) {
            if (derived.get(characteristic) != city.levels().get(characteristic)) {
                throw new IllegalStateException(city.id() + ": " + characteristic + " derives "
                        + derived.get(characteristic) + ", not " + city.levels().get(characteristic));
            }
        }
        return answers;
    }

    /**
     * Starts a full rebuild of the search indexes and completes when it is done; waits while
     * another runs (the app fills indexes it had to create at start the same way).
     */
    private Mono<ReindexJob> rebuildAndWait() {
        return rebuilds.start()
                .retryWhen(reactor.util.retry.Retry.fixedDelay(600, Duration.ofSeconds(1))
                        .filter(failure -> failure instanceof org.citystep.shared.problem.ApiException api
                                && api.getStatusCode().value() == 409))
                .flatMap(job -> Flux.interval(Duration.ofMillis(500))
                        // a poll slower than the tick (a busy machine) skips ticks instead of failing
                        .onBackpressureDrop()
                        .concatMap(tick -> rebuilds.job(job.getId()))
                        .filter(current -> current.getState() != ReindexJob.State.RUNNING)
                        .next()
                        .timeout(Duration.ofHours(1)))
                .flatMap(job -> job.getState() == ReindexJob.State.DONE ? Mono.just(job)
                        : Mono.error(new IllegalStateException("The search rebuild failed: " + job.getError())));
    }

    /** Per region and characteristic, how many pilot cities are at each level (Figure 3). */
    static Map<Region, Map<Characteristic, Map<MaturityLevel, Integer>>> figure3(SeedFile pilots) {
        Map<Region, Map<Characteristic, Map<MaturityLevel, Integer>>> counts = new EnumMap<>(Region.class);
        for (SeedFile.SeedCity city : pilots.cities()) {
            for (Characteristic characteristic : Characteristic.ratedOnes()) {
                MaturityLevel level = city.assessment().levels().getOrDefault(characteristic, MaturityLevel.NOT_ASSESSED);
                counts.computeIfAbsent(city.region(), r -> new EnumMap<>(Characteristic.class))
                        .computeIfAbsent(characteristic, c -> new EnumMap<>(MaturityLevel.class))
                        .merge(level, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static <T> Mono<T> timed(String phase, Map<String, Double> phases, Supplier<Mono<T>> work) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return work.get().doOnTerminate(() -> {
                double seconds = round((System.nanoTime() - start) / 1e9);
                phases.put(phase, seconds);
                log.info("Data generation: {} took {} s", phase, seconds);
            });
        });
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
