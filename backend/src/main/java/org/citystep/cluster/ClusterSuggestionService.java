package org.citystep.cluster;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.citystep.city.CityService;
import org.citystep.reference.ReferenceData;
import org.citystep.reference.ReferenceDataService;
import org.citystep.reference.ServiceDomain;
import org.citystep.search.TermsPerGroup;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Cluster suggestions: computed in the background from every city's interests and the topics of
 * its published case studies, stored as one generation of documents, switched to in one write, and
 * served a page at a time by id; accepting one proposes a cluster. Requests never compute them.
 */
@Service
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterSuggestionService {

    private static final Logger log = LoggerFactory.getLogger(ClusterSuggestionService.class);
    /** Open clusters sharing this much of a suggestion's cities already cover it. */
    private static final double COVERED = 0.8;
    /** The case-study feature's search index (its read model) and the fields read from it. */
    static final String CASE_STUDY_INDEX = "case-studies";
    private static final String DOMAIN_FIELD = "serviceDomain";
    private static final String TECHNOLOGY_FIELD = "tech";
    private static final int STORE_BATCH = 500;
    /** Written before the generations: one document holding every suggestion. Removed at the next swap. */
    private static final String LEGACY_SNAPSHOT = "latest";

    private final StoredSuggestions stored;
    private final SuggestionSets sets;
    private final ReactiveMongoTemplate template;
    private final ClusterService clusters;
    private final CityService cities;
    private final TermsPerGroup terms;
    private final ReferenceDataService reference;
    private final ClusterSuggester suggester;
    private final Clock clock;

    ClusterSuggestionService(StoredSuggestions stored, SuggestionSets sets, ReactiveMongoTemplate template,
            ClusterService clusters, CityService cities, TermsPerGroup terms, ReferenceDataService reference,
            ClusterProperties properties, Clock clock, org.citystep.shared.i18n.Messages messages) {
        this.stored = stored;
        this.sets = sets;
        this.template = template;
        this.clusters = clusters;
        this.cities = cities;
        this.terms = terms;
        this.reference = reference;
        this.clock = clock;
        Map<String, Map<String, String>> domains = names(reference.data().serviceDomains());
        Map<String, Map<String, String>> technologies = names(reference.data().technologyTags());
        this.suggester = new ClusterSuggester(properties.similarityThreshold(), properties.neighbours(),
                properties.minimumSize(), domain -> domains.getOrDefault(domain.name(), Map.of("en", domain.name())),
                code -> technologies.getOrDefault(code, Map.of("en", code)), messages);
    }

    /**
     * A page of the current suggestions, each with the open cluster that already covers it if the
     * caller may see that cluster. Empty, without a computation time, until first computed.
     */
    public Mono<SuggestionPage> page(PageParams page, CurrentUser user) {
        return current()
                // the set was replaced and its documents retired while this read: read the newer one
                .flatMap(set -> items(set, page).switchIfEmpty(Mono.defer(() -> current().flatMap(newer -> items(newer, page)))))
                .flatMap(read -> covering(read.items()).map(covered -> new SuggestionPage(read.set().computedAt(),
                        read.set().modularity(), read.set().cities(), read.items().stream()
                                .map(s -> new SuggestionPage.Item(s, visible(covered.get(s.id()), user))).toList(),
                        page.page(), page.size(), read.set().total())))
                .defaultIfEmpty(new SuggestionPage(null, 0, 0, List.of(), page.page(), page.size(), 0));
    }

    /** Whether suggestions were ever computed. */
    Mono<Boolean> computed() {
        return sets.existsById(SuggestionSet.CURRENT);
    }

    private Mono<SuggestionSet> current() {
        return sets.findById(SuggestionSet.CURRENT);
    }

    private record Read(SuggestionSet set, List<ClusterSuggestion> items) {
    }

    /** The page's suggestions of {@code set}, by id; empty when some are gone (the set was retired meanwhile). */
    private Mono<Read> items(SuggestionSet set, PageParams page) {
        long from = Math.min((long) page.page() * page.size(), set.total());
        int to = (int) Math.min(from + page.size(), set.total());
        List<String> keys = IntStream.range((int) from, to).mapToObj(rank -> StoredSuggestion.key(set.generation(), rank))
                .toList();
        if (keys.isEmpty()) {
            return Mono.just(new Read(set, List.of()));
        }
        return stored.findAllById(keys).collectList()
                .filter(found -> found.size() == keys.size())
                .map(found -> new Read(set, found.stream().sorted(Comparator.comparing(StoredSuggestion::id))
                        .map(StoredSuggestion::suggestion).toList()));
    }

    /**
     * Computes the suggestions from the current cities and the published case studies' topics (from
     * the search read model) and makes them current. Fails, changing nothing, when Elasticsearch
     * cannot answer.
     */
    public Mono<SuggestionSet> refresh() {
        return publishedTopics().flatMap(this::refresh);
    }

    /** The topics of each city's published case studies: service domains and technologies. */
    record Topics(Set<ServiceDomain> domains, Set<String> technologies) {
    }

    /** As {@link #refresh()}, with the published case studies' topics given. */
    Mono<SuggestionSet> refresh(Map<String, Topics> topicsByCity) {
        return cities.allForComparison()
                .map(city -> {
                    Set<ServiceDomain> domains = new HashSet<>(city.profile().interests());
                    Set<String> technologies = new HashSet<>();
                    Topics topics = topicsByCity.get(city.id());
                    if (topics != null) {
                        domains.addAll(topics.domains());
                        technologies.addAll(topics.technologies());
                    }
                    return new InterestProfile(city.id(), city.profile().name(), domains, technologies);
                })
                .collectList()
                .publishOn(Schedulers.boundedElastic()) // CPU work for large data: off the event loop
                .map(profiles -> {
                    long started = System.nanoTime();
                    ClusterSuggester.Result result = suggester.suggest(profiles);
                    log.info("Cluster suggestions: {} from {} cities and {} links in {} ms (modularity {})",
                            result.suggestions().size(), profiles.size(), result.edges(),
                            (System.nanoTime() - started) / 1_000_000, String.format("%.3f", result.modularity()));
                    return Map.entry(profiles.size(), result);
                })
                .flatMap(computed -> store(computed.getValue(), computed.getKey()));
    }

    private Mono<Map<String, Topics>> publishedTopics() {
        return terms.of(CASE_STUDY_INDEX, "cityId", Map.of("status", "PUBLISHED"), List.of(DOMAIN_FIELD, TECHNOLOGY_FIELD))
                .collectMap(TermsPerGroup.GroupTerms::key, group -> new Topics(
                        group.values().getOrDefault(DOMAIN_FIELD, List.of()).stream().filter(ClusterSuggestionService::isDomain)
                                .map(ServiceDomain::valueOf).collect(Collectors.toSet()),
                        // the read model also lists the case studies' flags (scalable, …); keep the technologies
                        group.values().getOrDefault(TECHNOLOGY_FIELD, List.of()).stream()
                                .filter(reference::isTechnologyTag).collect(Collectors.toSet())));
    }

    /**
     * Stores the suggestions as a new generation, then switches the current set to it in one
     * single-document write, then retires the generation before the one it replaced (readers may
     * still be paging through the one just replaced).
     */
    private Mono<SuggestionSet> store(ClusterSuggester.Result result, int cityCount) {
        String generation = String.format("%013d-%04x", clock.millis(), ThreadLocalRandom.current().nextInt(0x10000));
        List<ClusterSuggestion> ranked = result.suggestions();
        List<StoredSuggestion> documents = IntStream.range(0, ranked.size())
                .mapToObj(rank -> new StoredSuggestion(StoredSuggestion.key(generation, rank), ranked.get(rank))).toList();
        return Flux.fromIterable(documents).buffer(STORE_BATCH).concatMap(stored::insert).then()
                .then(current().map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(before -> {
                    SuggestionSet next = new SuggestionSet(SuggestionSet.CURRENT, generation, clock.instant(),
                            Math.round(result.modularity() * 1000) / 1000.0, cityCount, result.edges(),
                            ranked.stream().map(ClusterSuggestion::id).toList(),
                            before.map(SuggestionSet::generation).orElse(null),
                            before.map(SuggestionSet::total).orElse(0));
                    return template.findAndReplace(Query.query(where("_id").is(SuggestionSet.CURRENT)), next,
                                    FindAndReplaceOptions.options().upsert())
                            .map(Optional::of).defaultIfEmpty(Optional.empty())
                            .flatMap(replaced -> retire(before, replaced).thenReturn(next));
                });
    }

    /**
     * Deletes, by id, the generation two back; and the replaced one too if it is not the one read
     * before the switch (another instance switched in between, so no reader holds it for long).
     */
    private Mono<Void> retire(Optional<SuggestionSet> before, Optional<SuggestionSet> replaced) {
        List<String> retired = new ArrayList<>(List.of(LEGACY_SNAPSHOT));
        replaced.ifPresent(set -> {
            if (set.previousGeneration() != null) {
                IntStream.range(0, set.previousTotal())
                        .forEach(rank -> retired.add(StoredSuggestion.key(set.previousGeneration(), rank)));
            }
            if (before.isEmpty() || !before.get().generation().equals(set.generation())) {
                IntStream.range(0, set.total()).forEach(rank -> retired.add(StoredSuggestion.key(set.generation(), rank)));
            }
        });
        return Flux.fromIterable(retired).buffer(STORE_BATCH).concatMap(stored::deleteAllById).then();
    }

    /**
     * Proposes the suggested cluster: a city editor's own city leads it (it must be among the
     * suggested cities) and the others are invited; a curator may name a lead or none.
     */
    public Mono<Cluster> accept(String suggestionId, @Nullable String leadCityId, CurrentUser user) {
        return accept(suggestionId, leadCityId, null, user);
    }

    /**
     * As {@link #accept(String, String, CurrentUser)}, inviting only {@code invitedCityIds} of the
     * suggested cities (all of them when {@code null}); the caller unticked the others.
     */
    public Mono<Cluster> accept(String suggestionId, @Nullable String leadCityId, @Nullable List<String> invitedCityIds,
            CurrentUser user) {
        String lead = leadCityId != null ? leadCityId
                : user.has(Role.CITY_EDITOR) && !ClusterService.isCurator(user) ? user.cityId().orElse(null) : null;
        return current()
                .filter(set -> set.suggestionIds().contains(suggestionId))
                .flatMap(set -> stored.findById(StoredSuggestion.key(set.generation(),
                        set.suggestionIds().indexOf(suggestionId))))
                .map(StoredSuggestion::suggestion)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("clusterSuggestion", suggestionId)))
                .flatMap(suggestion -> {
                    List<String> members = suggestion.members().stream().map(ClusterSuggestion.Member::cityId).toList();
                    // who may not propose it learns nothing about the clusters covering it
                    if (lead != null && !members.contains(lead)) {
                        return Mono.error(ApiException.forbidden("cluster.leadNotSuggested", lead));
                    }
                    List<String> chosen = invitedCityIds == null ? members
                            : members.stream().filter(city -> invitedCityIds.contains(city) || city.equals(lead)).toList();
                    if (invitedCityIds != null && !members.containsAll(invitedCityIds)) {
                        return Mono.error(ApiException.invalid("cluster.inviteesNotSuggested",
                                List.of(Problems.FieldMessage.of("invitedCityIds", "cluster.inviteeNotSuggested"))));
                    }
                    return covering(List.of(suggestion)).flatMap(covered -> {
                        Cluster existing = covered.get(suggestionId);
                        if (existing != null) {
                            String shown = visible(existing, user);
                            return Mono.error(shown != null
                                    ? ApiException.conflict("cluster.suggestionCovered", shown)
                                    : ApiException.conflict("cluster.suggestionCoveredByProposal"));
                        }
                        return clusters.propose(suggestionId.replace("s-", "cluster-"), SuggestedContent.of(suggestion),
                                        lead, chosen, user, new ClusterOrigin(ClusterOrigin.Kind.SUGGESTION,
                                                user.username(), suggestionId, suggestion.cohesion(), suggestion.reasons()))
                                // the id is derived from the suggestion's: its existence must not reveal a hidden proposal
                                .onErrorMap(e -> e instanceof ApiException problem && "problem.exists".equals(problem.code()),
                                        e -> ApiException.conflict("cluster.suggestionCoveredByProposal"));
                    });
                });
    }

    /** The cluster's id if the caller may see it: a proposed one only for curators and the cities it names. */
    private static @Nullable String visible(@Nullable Cluster cluster, CurrentUser user) {
        return cluster != null && ClusterService.maySee(cluster, user) ? cluster.id() : null;
    }

    /** For each suggestion, the open cluster naming at least 80% of its cities, found in one query. */
    private Mono<Map<String, Cluster>> covering(List<ClusterSuggestion> suggestions) {
        Set<String> named = suggestions.stream().flatMap(s -> s.members().stream()).map(ClusterSuggestion.Member::cityId)
                .collect(Collectors.toSet());
        if (named.isEmpty()) {
            return Mono.just(Map.of());
        }
        return clusters.openNaming(named).collectList().map(open -> {
            Map<String, Cluster> covered = new HashMap<>();
            for (ClusterSuggestion suggestion : suggestions) {
                Set<String> cities = new HashSet<>();
                suggestion.members().forEach(m -> cities.add(m.cityId()));
                open.stream().filter(cluster -> cluster.cityIds().stream().filter(cities::contains).count()
                                >= COVERED * cities.size())
                        .sorted(Comparator.comparing((Cluster cluster) -> cluster.status() != ClusterStatus.ACTIVE)
                                .thenComparing(Cluster::id))
                        .findFirst().ifPresent(cluster -> covered.put(suggestion.id(), cluster));
            }
            return covered;
        });
    }

    private static boolean isDomain(String code) {
        return java.util.Arrays.stream(ServiceDomain.values()).anyMatch(domain -> domain.name().equals(code));
    }

    private static Map<String, Map<String, String>> names(List<ReferenceData.Term> terms) {
        return terms.stream().collect(Collectors.toMap(ReferenceData.Term::code, ReferenceData.Term::name));
    }
}
