package org.citystep.cluster;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.citystep.casestudy.CaseStudyService;
import org.citystep.city.CityService;
import org.citystep.reference.ReferenceData;
import org.citystep.reference.ReferenceDataService;
import org.citystep.reference.ServiceDomain;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.problem.ApiException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Cluster suggestions: computed from every city's interests and published case studies when that
 * data has changed, stored, and served from the store; accepting one proposes a cluster.
 */
@Service
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterSuggestionService {

    private static final Logger log = LoggerFactory.getLogger(ClusterSuggestionService.class);
    /** Open clusters sharing this much of a suggestion's cities already cover it. */
    private static final double COVERED = 0.8;

    private final SuggestionSnapshots snapshots;
    private final ClusterService clusters;
    private final CityService cities;
    private final CaseStudyService caseStudies;
    private final ClusterSuggester suggester;
    private final Clock clock;

    ClusterSuggestionService(SuggestionSnapshots snapshots, ClusterService clusters, CityService cities,
            CaseStudyService caseStudies, ReferenceDataService reference, ClusterProperties properties, Clock clock) {
        this.snapshots = snapshots;
        this.clusters = clusters;
        this.cities = cities;
        this.caseStudies = caseStudies;
        this.clock = clock;
        Map<String, Map<String, String>> domains = names(reference.data().serviceDomains());
        Map<String, Map<String, String>> technologies = names(reference.data().technologyTags());
        this.suggester = new ClusterSuggester(properties.similarityThreshold(), properties.neighbours(),
                properties.minimumSize(), domain -> domains.getOrDefault(domain.name(), Map.of("en", domain.name())),
                code -> technologies.getOrDefault(code, Map.of("en", code)));
    }

    /**
     * A page of the latest suggestions, each with the open cluster that already covers it, if any.
     * Computed now only if never computed before.
     */
    public Mono<SuggestionPage> page(PageParams page) {
        return snapshots.findById(SuggestionSnapshot.LATEST)
                .switchIfEmpty(Mono.defer(this::refresh))
                .flatMap(snapshot -> {
                    List<ClusterSuggestion> all = snapshot.suggestions();
                    int from = (int) Math.min((long) page.page() * page.size(), all.size());
                    List<ClusterSuggestion> items = all.subList(from, Math.min(from + page.size(), all.size()));
                    return covering(items).map(covered -> new SuggestionPage(snapshot.computedAt(), snapshot.modularity(),
                            snapshot.cities(), items.stream().map(s -> new SuggestionPage.Item(s, covered.get(s.id())))
                                    .toList(), page.page(), page.size(), all.size()));
                });
    }

    /** Recomputes when cities or case studies changed since the stored suggestions; emits whether it did. */
    public Mono<Boolean> refreshIfChanged() {
        return dataMark().zipWith(snapshots.findById(SuggestionSnapshot.LATEST).map(SuggestionSnapshot::dataMark)
                        .defaultIfEmpty(""))
                .flatMap(marks -> marks.getT1().equals(marks.getT2()) ? Mono.just(false) : refresh().thenReturn(true));
    }

    /** Computes the suggestions from the current data and stores them. */
    public Mono<SuggestionSnapshot> refresh() {
        return dataMark().flatMap(mark -> profiles()
                .publishOn(Schedulers.boundedElastic()) // CPU work for large data: off the event loop
                .map(profiles -> {
                    long started = System.nanoTime();
                    ClusterSuggester.Result result = suggester.suggest(profiles);
                    log.info("Cluster suggestions: {} from {} cities and {} links in {} ms (modularity {})",
                            result.suggestions().size(), profiles.size(), result.edges(),
                            (System.nanoTime() - started) / 1_000_000, String.format("%.3f", result.modularity()));
                    return new SuggestionSnapshot(SuggestionSnapshot.LATEST, mark, clock.instant(),
                            Math.round(result.modularity() * 1000) / 1000.0, profiles.size(), result.edges(),
                            result.suggestions());
                })
                .flatMap(snapshots::save));
    }

    /**
     * Proposes the suggested cluster: a city editor's own city leads it (it must be among the
     * suggested cities) and the others are invited; a curator may name a lead or none.
     */
    public Mono<Cluster> accept(String suggestionId, @Nullable String leadCityId, CurrentUser user) {
        String lead = leadCityId != null ? leadCityId
                : user.has(Role.CITY_EDITOR) && !ClusterService.isCurator(user) ? user.cityId().orElse(null) : null;
        return snapshots.findById(SuggestionSnapshot.LATEST)
                .flatMapIterable(SuggestionSnapshot::suggestions)
                .filter(suggestion -> suggestion.id().equals(suggestionId))
                .next()
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("current cluster suggestion", suggestionId)))
                .flatMap(suggestion -> covering(List.of(suggestion)).flatMap(covered -> {
                    if (covered.containsKey(suggestionId)) {
                        return Mono.error(ApiException.conflict("Cluster '" + covered.get(suggestionId)
                                + "' already brings these cities together."));
                    }
                    List<String> members = suggestion.members().stream().map(ClusterSuggestion.Member::cityId).toList();
                    if (lead != null && !members.contains(lead)) {
                        return Mono.error(ApiException.forbidden("City '" + lead + "' is not among the suggested cities."));
                    }
                    return clusters.propose(suggestionId.replace("s-", "cluster-"), SuggestedContent.of(suggestion), lead,
                            members, user, new ClusterOrigin(ClusterOrigin.Kind.SUGGESTION, user.username(),
                                    suggestionId, suggestion.cohesion(), suggestion.reasons()));
                }));
    }

    /** For each suggestion, the open cluster naming at least 80% of its cities, found in one query. */
    private Mono<Map<String, String>> covering(List<ClusterSuggestion> suggestions) {
        Set<String> named = suggestions.stream().flatMap(s -> s.members().stream()).map(ClusterSuggestion.Member::cityId)
                .collect(Collectors.toSet());
        if (named.isEmpty()) {
            return Mono.just(Map.of());
        }
        return clusters.openNaming(named).collectList().map(open -> {
            Map<String, String> covered = new HashMap<>();
            for (ClusterSuggestion suggestion : suggestions) {
                Set<String> cities = new HashSet<>();
                suggestion.members().forEach(m -> cities.add(m.cityId()));
                open.stream().filter(cluster -> cluster.cityIds().stream().filter(cities::contains).count()
                                >= COVERED * cities.size())
                        .findFirst().ifPresent(cluster -> covered.put(suggestion.id(), cluster.id()));
            }
            return covered;
        });
    }

    private Mono<String> dataMark() {
        return Mono.zip(cities.changeMark(), caseStudies.changeMark()).map(marks -> marks.getT1() + "|" + marks.getT2());
    }

    private Mono<List<InterestProfile>> profiles() {
        Mono<Map<String, List<CaseStudyService.PublishedTopics>>> topics = caseStudies.publishedTopics()
                .collect(Collectors.groupingBy(CaseStudyService.PublishedTopics::cityId));
        return topics.flatMap(byCity -> cities.allForComparison().map(city -> {
            Set<ServiceDomain> domains = new HashSet<>(city.profile().interests());
            Set<String> technologies = new HashSet<>();
            byCity.getOrDefault(city.id(), List.of()).forEach(study -> {
                study.serviceDomains().forEach(code -> domains.add(ServiceDomain.valueOf(code)));
                technologies.addAll(study.technologies());
            });
            return new InterestProfile(city.id(), city.profile().name(), domains, technologies);
        }).collectList());
    }

    private static Map<String, Map<String, String>> names(List<ReferenceData.Term> terms) {
        return terms.stream().collect(Collectors.toMap(ReferenceData.Term::code, ReferenceData.Term::name));
    }
}
