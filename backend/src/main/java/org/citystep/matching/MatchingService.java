package org.citystep.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.citystep.assessment.AssessmentService;
import org.citystep.casestudy.PublishedWork;
import org.citystep.casestudy.StepEvidence;
import org.citystep.city.City;
import org.citystep.city.CityProfile;
import org.citystep.city.CityService;
import org.citystep.city.CityStanding;
import org.citystep.city.Region;
import org.citystep.expert.Expert;
import org.citystep.exchange.ExchangeCounts;
import org.citystep.exchange.ExchangeService;
import org.citystep.exchange.PeerResponsiveness;
import org.citystep.expert.ExpertService;
import org.citystep.shared.i18n.MessageRef;
import org.citystep.shared.language.LanguageTags;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ReferenceDataService;
import org.citystep.search.SearchService.GroupMatch;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.web.ExpensiveWork;
import org.citystep.shared.problem.BackingServiceUnavailableException;
import org.citystep.shared.problem.ProblemType;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Matches a city with peers exactly one step ahead (white paper §6: no leapfrogging) and lays out its
 * roadmap. Every "which cities, case studies, experts" question goes to the search read model, and
 * MongoDB is read by id only: candidates per characteristic (the most alike at the target level,
 * those with case studies of the step pulled forward), one grouped more-like-this query for project
 * likeness of all candidates, and per step one query each for evidence and experts. Candidates are
 * ranked as the read model knows them; only the few that are shown are read from MongoDB, and one
 * whose level changed in the second the read model trails is left out, never shown off the staircase.
 */
@Service
@EnableConfigurationProperties(MatchingProperties.class)
public class MatchingService {

    static final int ROADMAP_MATCHES = 3;
    /** The roadmap shows three peers per step, of the fifty most alike: one step of a full match list's work. */
    private static final int ROADMAP_CANDIDATES = 50;
    private static final int CASE_STUDIES_PER_MATCH = 3;
    private static final int EXPERTS_PER_MATCH = 3;
    /** Best-ranked candidates confirmed in MongoDB per match shown, so a stale one can be replaced. */
    private static final int CONFIRMED_PER_MATCH = 2;
    /** Cities with the most case studies of a step, pulled forward among the candidates. */
    private static final int EVIDENCE_CITIES_PREFERRED = 50;

    private final CityService cities;
    private final AssessmentService assessments;
    private final PublishedWork work;
    private final ExpertService experts;
    private final ReferenceDataService reference;
    private final MatchReasons reasons;
    private final MatchingProperties properties;
    private final ExpensiveWork expensive;
    private final StepMatchesCache found;
    private final ExchangeService exchanges;

    MatchingService(CityService cities, AssessmentService assessments, PublishedWork work,
            ExpertService experts, ReferenceDataService reference, MatchReasons reasons, MatchingProperties properties,
            ExpensiveWork expensive, ExchangeService exchanges) {
        this.exchanges = exchanges;
        this.expensive = expensive;
        this.cities = cities;
        this.assessments = assessments;
        this.work = work;
        this.experts = experts;
        this.reference = reference;
        this.reasons = reasons;
        this.properties = properties;
        this.found = new StepMatchesCache(properties.cacheTtl());
    }

    /** The best {@code limit} peers of city {@code cityId} for {@code characteristic}. */
    public Mono<StepMatches> matches(String cityId, Characteristic characteristic, int limit, CurrentUser user) {
        if (!characteristic.rated()) {
            return Mono.error(new ApiException(ProblemType.VALIDATION_FAILED, "matching.unrated",
                    new MessageRef("characteristic." + characteristic.name())));
        }
        return mayRead(cityId, user)
                .then(cities.get(cityId))
                .flatMap(city -> {
                    MaturityLevel level = city.levels().getOrDefault(characteristic, MaturityLevel.NOT_ASSESSED);
                    if (!level.isAssessed()) {
                        return Mono.error(new ApiException(ProblemType.ASSESSMENT_NEEDED, "matching.assessmentNeeded",
                                cityId, new MessageRef("characteristic." + characteristic.name())));
                    }
                    return stepMatches(city, List.of(characteristic), limit, properties.maxCandidates())
                            .map(all -> all.get(characteristic));
                });
    }

    /** Every rated characteristic of the city: level, next level, missing criteria, balance, top peers. */
    public Mono<Roadmap> roadmap(String cityId, CurrentUser user) {
        return mayRead(cityId, user)
                .then(Mono.zip(cities.get(cityId), assessments.criteriaMet(cityId), exchanges.countsOf(cityId)))
                .flatMap(cityAndCriteria -> {
                    City city = cityAndCriteria.getT1();
                    Map<Characteristic, Set<String>> met = cityAndCriteria.getT2();
                    Map<Characteristic, ExchangeCounts> exchanged = cityAndCriteria.getT3();
                    List<Characteristic> assessed = Characteristic.ratedOnes().stream()
                            .filter(c -> level(city, c).isAssessed()).toList();
                    Double median = Balance.median(city.levels().values());
                    // levels and missing criteria come from MongoDB: shown even while search cannot find peers
                    return stepMatches(city, assessed, ROADMAP_MATCHES,
                                    Math.min(ROADMAP_CANDIDATES, properties.maxCandidates()))
                            .map(matches -> roadmap(city, median, met, exchanged, matches, Roadmap.PeerLookup.AVAILABLE))
                            .onErrorResume(BackingServiceUnavailableException.class, down -> Mono.just(
                                    roadmap(city, median, met, exchanged, Map.of(), Roadmap.PeerLookup.UNAVAILABLE)));
                });
    }

    private Roadmap roadmap(City city, @Nullable Double median, Map<Characteristic, Set<String>> met,
            Map<Characteristic, ExchangeCounts> exchanged, Map<Characteristic, StepMatches> matches,
            Roadmap.PeerLookup peers) {
        return new Roadmap(city.id(), city.assessedAt(), median, Characteristic.ratedOnes().stream()
                .map(c -> roadmapStep(city, c, median, met.getOrDefault(c, Set.of()), matches.get(c),
                        exchanged.getOrDefault(c, ExchangeCounts.NONE)))
                .toList(), peers);
    }

    private Roadmap.Step roadmapStep(City city, Characteristic characteristic, @Nullable Double median,
            Set<String> met, @Nullable StepMatches matches, ExchangeCounts exchanged) {
        MaturityLevel level = level(city, characteristic);
        if (!level.isAssessed() || median == null) {
            return new Roadmap.Step(characteristic, level, null, List.of(), null, true, List.of(), List.of(), exchanged);
        }
        MaturityLevel next = level.next().orElse(null);
        List<Roadmap.MissingCriterion> missing = next == null ? List.of() : reference.criteria(characteristic, next)
                .stream().filter(criterion -> !met.contains(criterion.code()))
                .map(criterion -> new Roadmap.MissingCriterion(criterion.code(), criterion.text())).toList();
        return new Roadmap.Step(characteristic, level, next, missing, Balance.of(level, median), false,
                matches == null ? List.of() : matches.matches(), matches == null ? List.of() : matches.experts(),
                exchanged);
    }

    private Mono<Map<Characteristic, StepMatches>> stepMatches(City city, List<Characteristic> characteristics,
            int limit, int maxCandidates) {
        if (characteristics.isEmpty()) {
            return Mono.just(Map.of());
        }
        return found.get(city.id(), city.version(), characteristics, limit, maxCandidates,
                () -> expensive.matching(() -> computeStepMatches(city, characteristics, limit, maxCandidates)));
    }

    private Mono<Map<Characteristic, StepMatches>> computeStepMatches(City city, List<Characteristic> characteristics,
            int limit, int maxCandidates) {
        return Flux.fromIterable(characteristics)
                .flatMapSequential(c -> candidates(city, c, maxCandidates).map(candidates -> Map.entry(c, candidates)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
                .flatMap(candidates -> {
                    Set<String> everyCandidate = new LinkedHashSet<>();
                    candidates.values().forEach(list -> list.forEach(peer -> everyCandidate.add(peer.id())));
                    return projects(city, everyCandidate).flatMap(projects -> Flux.fromIterable(candidates.entrySet())
                            .flatMapSequential(entry -> step(city, entry.getKey(), entry.getValue(), projects, limit))
                            .collectMap(StepMatches::characteristic, match -> match, LinkedHashMap::new));
                });
    }

    /**
     * The cities at the target level most worth ranking, found by the read model: the most alike, with
     * those that published case studies of the very step pulled forward, at most {@code maxCandidates}.
     */
    private Mono<List<CityStanding>> candidates(City city, Characteristic characteristic, int maxCandidates) {
        MaturityLevel level = level(city, characteristic);
        MaturityLevel target = target(level);
        return work.citiesShowingStep(characteristic, evidenceFrom(level), target, EVIDENCE_CITIES_PREFERRED)
                .flatMap(showingStep -> cities.atLevel(characteristic, target, city, showingStep, maxCandidates));
    }

    private Mono<StepMatches> step(City city, Characteristic characteristic, List<CityStanding> candidates,
            Projects projects, int limit) {
        MaturityLevel level = level(city, characteristic);
        MaturityLevel target = target(level);
        List<String> ids = candidates.stream().map(CityStanding::id).toList();
        Mono<Map<String, List<StepEvidence>>> evidence = work.stepEvidence(ids, characteristic, evidenceFrom(level),
                        target, CASE_STUDIES_PER_MATCH)
                .map(byCity -> byCity.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        entry -> entry.getValue().first())));
        CityProfile profile = city.profile();
        Mono<List<Expert>> stepExperts = experts.approvedFor(characteristic, languages(profile),
                        new ExpertService.ExpertNeed(profile.interests(), profile.country(), profile.region()),
                        properties.expertsPerStep())
                .collectList();
        Mono<Map<String, PeerResponsiveness>> answering = exchanges.responsiveness(ids)
                .onErrorResume(failure -> Mono.just(Map.of())); // a figure: never worth failing a match for
        return Mono.zip(evidence, stepExperts, answering).flatMap(evidenceAndExperts -> {
            Map<String, List<StepEvidence>> evidenceByCity = evidenceAndExperts.getT1();
            List<Expert> found = evidenceAndExperts.getT2();
            Map<String, PeerResponsiveness> answered = evidenceAndExperts.getT3();
            List<String> best = PeerRanking.rank(Peer.of(city), characteristic,
                            candidates.stream().map(Peer::of).toList(), projects.byCity(), evidenceByCity, answered).stream()
                    .limit((long) limit * CONFIRMED_PER_MATCH).map(scored -> scored.peer().id()).toList();
            return cities.getAll(best).filter(peer -> peer.state() == null && level(peer, characteristic) == target).collectList()
                    .map(confirmed -> {
                        List<PeerMatch> matches = PeerRanking.rank(Peer.of(city), characteristic,
                                        confirmed.stream().map(Peer::of).toList(), projects.byCity(), evidenceByCity,
                                        answered)
                                .stream().limit(limit)
                                .map(scored -> toMatch(city, characteristic, level, target, scored, found))
                                .toList();
                        return new StepMatches(city.id(), characteristic, level, target, level == target,
                                projects.status(), candidates.size(), matches,
                                found.stream().map(MatchingService::expertRef).toList());
                    });
        });
    }

    /** The step whose case studies show how to reach {@code target}: the city's own, or at the top the last one. */
    private static MaturityLevel evidenceFrom(MaturityLevel level) {
        return level == target(level) ? previous(level) : level;
    }

    /**
     * Only case studies that show the very step are listed: a project that is merely alike counts in the
     * score and its reason, never as evidence of a step it may not be.
     */
    private PeerMatch toMatch(City city, Characteristic characteristic, MaturityLevel level, MaturityLevel target,
            PeerRanking.ScoredPeer scored, List<Expert> stepExperts) {
        Peer peer = scored.peer();
        List<PeerMatch.CaseStudyRef> studies = scored.facts().evidence().stream().limit(CASE_STUDIES_PER_MATCH)
                .map(study -> new PeerMatch.CaseStudyRef(study.id(), study.title(), study.step(), study.bestPractice()))
                .toList();
        List<PeerMatch.ExpertRef> bridging = stepExperts.stream()
                .sorted(Comparator.comparing((Expert expert) -> !bridges(expert, peer)))
                .limit(EXPERTS_PER_MATCH).map(MatchingService::expertRef).toList();
        return new PeerMatch(peer.id(), peer.profile().name(), peer.profile().country(), peer.profile().region(), target,
                level == target ? PeerMatch.Relation.SAME_LEVEL : PeerMatch.Relation.ONE_STEP_AHEAD, scored.score(),
                scored.factors(), reasons.explain(city.profile(), characteristic, level, target, scored), studies,
                bridging);
    }

    /** An expert who can bridge the two cities: from the peer's country or working in one of its languages. */
    private static boolean bridges(Expert expert, Peer peer) {
        return expert.profile().country().equals(peer.profile().country())
                || LanguageTags.primaries(expert.profile().languages()).stream().anyMatch(languages(peer.profile())::contains);
    }

    private static PeerMatch.ExpertRef expertRef(Expert expert) {
        return new PeerMatch.ExpertRef(expert.id(), expert.profile().name(), expert.profile().languages(),
                expert.profile().country());
    }

    /** How like the city's own case studies each candidate's projects are; unavailable while search is down. */
    private record Projects(Map<String, GroupMatch> byCity, StepMatches.ProjectSimilarity status) {
    }

    private Mono<Projects> projects(City city, Set<String> candidates) {
        return work.mostLikeProjectsOf(city.id(), candidates)
                .map(found -> new Projects(found.byCity(), found.ownProjects()
                        ? StepMatches.ProjectSimilarity.AVAILABLE : StepMatches.ProjectSimilarity.NO_OWN_CASE_STUDIES))
                .timeout(properties.projectSimilarityTimeout())
                .onErrorResume(failure -> failure instanceof BackingServiceUnavailableException
                        || failure instanceof TimeoutException,
                        down -> Mono.just(new Projects(Map.of(), StepMatches.ProjectSimilarity.UNAVAILABLE)));
    }

    /** The languages a city works in; without any given, English, and Chinese for a Chinese city. */
    private static List<String> languages(CityProfile city) {
        List<String> given = LanguageTags.primaries(city.languages());
        if (!given.isEmpty()) {
            return given;
        }
        return city.region() == Region.CHINA ? List.of("zh", "en") : List.of("en");
    }

    private static MaturityLevel level(City city, Characteristic characteristic) {
        return city.levels().getOrDefault(characteristic, MaturityLevel.NOT_ASSESSED);
    }

    /** One level up; at the top, the top itself. */
    static MaturityLevel target(MaturityLevel level) {
        return level.next().orElse(level);
    }

    private static MaturityLevel previous(MaturityLevel level) {
        return MaturityLevel.values()[Math.max(level.ordinal() - 1, 0)];
    }

    /** The city's editors, experts, curators and admins; not other cities' editors, not anonymous callers. */
    private static Mono<Void> mayRead(String cityId, CurrentUser user) {
        if (user.mayEditCity(cityId) || user.has(Role.EXPERT)) {
            return Mono.empty();
        }
        return Mono.error(user.cityId()
                .map(own -> ApiException.forbidden("matching.ownCityOnly", own, cityId))
                .orElseGet(() -> ApiException.forbidden("matching.forbidden")));
    }
}
