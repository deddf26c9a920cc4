package org.citystep.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.citystep.city.City;
import org.citystep.city.CityGrouping;
import org.citystep.city.CityProfile;
import org.citystep.city.CityService;
import org.citystep.city.LevelCount;
import org.citystep.city.Region;
import org.citystep.cluster.ClusterMember;
import org.citystep.cluster.ClusterFilter;
import org.citystep.cluster.ClusterService;
import org.citystep.cluster.ClusterStatus;
import org.citystep.matching.MatchingService;
import org.citystep.matching.PeerMatch;
import org.citystep.matching.Roadmap;
import org.citystep.reference.Characteristic;
import org.citystep.reference.Indicator;
import org.citystep.reference.IndicatorCatalogue;
import org.citystep.reference.MaturityLevel;
import org.citystep.security.CurrentUser;
import org.citystep.security.Role;
import org.citystep.shared.paging.PageParams;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.BackingServiceUnavailableException;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Builds a city's {@link Benchmark} without scanning cities: the region's medians come from the search read
 * model's level counts (one aggregation per characteristic), the peers from the matching roadmap (cached
 * per city version), the clusters from the city's own memberships, and the compared cities are read by id.
 */
@Service
public class BenchmarkService {

    /** Clusters of the city looked at; more are rare and would not fit one screen. */
    static final int MAX_CLUSTERS = 10;
    /** Cities compared at most: the peers first, then clusters' members. */
    static final int MAX_COMPARED = 40;

    private final CityService cities;
    private final MatchingService matching;
    private final ClusterService clusters;
    private final IndicatorCatalogue indicators;

    BenchmarkService(CityService cities, MatchingService matching, ClusterService clusters,
            IndicatorCatalogue indicators) {
        this.cities = cities;
        this.matching = matching;
        this.clusters = clusters;
        this.indicators = indicators;
    }

    public Mono<Benchmark> benchmark(String cityId, CurrentUser user) {
        if (!user.mayEditCity(cityId) && !user.has(Role.EXPERT)) {
            return Mono.error(user.cityId()
                    .map(own -> ApiException.forbidden("benchmark.ownCityOnly", own, cityId))
                    .orElseGet(() -> ApiException.forbidden("benchmark.forbidden")));
        }
        return cities.get(cityId).flatMap(city -> Mono.zip(
                        regionCounts(city),
                        matching.roadmap(cityId, user),
                        clusters.list(new ClusterFilter(ClusterStatus.ACTIVE, cityId, null), new PageParams(0, MAX_CLUSTERS),
                                user).map(page -> page.items()))
                .flatMap(found -> {
                    Roadmap roadmap = found.getT2();
                    List<Benchmark.ClusterRef> memberships = found.getT3().stream().filter(c -> c.isMember(cityId))
                            .map(c -> new Benchmark.ClusterRef(c.id(), c.content().name(),
                                    c.members().stream().map(ClusterMember::cityId).sorted().toList()))
                            .toList();
                    List<String> peerIds = roadmap.steps().stream()
                            .flatMap(step -> step.matches().stream().map(PeerMatch::cityId)).toList();
                    Map<String, Benchmark.Relation> compared = relations(cityId, peerIds, memberships);
                    List<String> ids = compared.keySet().stream().limit(MAX_COMPARED).toList();
                    Benchmark.PeerLookup lookup = roadmap.peers() == Roadmap.PeerLookup.AVAILABLE
                            ? Benchmark.PeerLookup.AVAILABLE : Benchmark.PeerLookup.UNAVAILABLE;
                    return cities.getAll(ids).map(CityFacts::of).collectMap(CityFacts::id).map(byId -> build(CityFacts.of(city),
                            found.getT1(), lookup, memberships,
                            ids.stream().map(byId::get).filter(Objects::nonNull).toList(), compared, indicators::find));
                }));
    }

    /** What the benchmark needs of a city. */
    record CityFacts(String id, Map<String, String> name, String country, Region region,
            Map<Characteristic, MaturityLevel> levels, List<CityProfile.Kpi> kpis) {

        static CityFacts of(City city) {
            var p = city.profile();
            return new CityFacts(city.id(), p.name(), p.country(), p.region(), city.levels(), p.kpis());
        }

        MaturityLevel level(Characteristic characteristic) {
            return levels.getOrDefault(characteristic, MaturityLevel.NOT_ASSESSED);
        }
    }

    /** The cities compared, in order: the peers one step ahead, then the clusters' members; never the city itself. */
    static Map<String, Benchmark.Relation> relations(String cityId, List<String> peerIds,
            List<Benchmark.ClusterRef> memberships) {
        Map<String, Benchmark.Relation> compared = new LinkedHashMap<>();
        peerIds.forEach(id -> compared.putIfAbsent(id, Benchmark.Relation.PEER));
        memberships.forEach(cluster -> cluster.memberIds()
                .forEach(id -> compared.putIfAbsent(id, Benchmark.Relation.CLUSTER_MEMBER)));
        compared.remove(cityId);
        return compared;
    }

    /** Per characteristic, how many cities of the city's region stand at each level; empty while search is down. */
    private Mono<Map<Characteristic, Map<MaturityLevel, Long>>> regionCounts(City city) {
        String region = city.profile().region().name();
        return Flux.fromIterable(Characteristic.ratedOnes())
                .flatMap(c -> cities.levelCounts(c, CityGrouping.REGION)
                        .filter(count -> count.group().equals(region))
                        .collectMap(LevelCount::level, LevelCount::count)
                        .map(counts -> Map.entry(c, counts)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .onErrorResume(BackingServiceUnavailableException.class, down -> Mono.just(Map.of()));
    }

    /**
     * The benchmark of {@code city} against {@code others} (related to it as {@code relations} says): levels beside
     * the region's counts and the medians of the peers and of the clusters' members (a city that is both counts
     * in both), and each catalogued KPI beside the others' latest value for the same indicator.
     */
    static Benchmark build(CityFacts city, Map<Characteristic, Map<MaturityLevel, Long>> regionCounts,
            Benchmark.PeerLookup peerLookup, List<Benchmark.ClusterRef> memberships, List<CityFacts> others,
            Map<String, Benchmark.Relation> relations, Function<String, Optional<Indicator>> catalogue) {
        List<CityFacts> peers = others.stream().filter(o -> relations.get(o.id()) == Benchmark.Relation.PEER).toList();
        List<CityFacts> members = others.stream()
                .filter(o -> memberships.stream().anyMatch(c -> c.memberIds().contains(o.id()))).toList();
        List<Benchmark.LevelRow> levels = new ArrayList<>();
        for (Characteristic characteristic : Characteristic.ratedOnes()) {
            Map<MaturityLevel, Long> counts = regionCounts.getOrDefault(characteristic, Map.of());
            long assessed = counts.entrySet().stream().filter(e -> e.getKey().isAssessed())
                    .mapToLong(Map.Entry::getValue).sum();
            levels.add(new Benchmark.LevelRow(characteristic, city.level(characteristic), Medians.ofCounts(counts),
                    assessed, Medians.ofLevels(peers.stream().map(p -> p.level(characteristic)).toList()),
                    Medians.ofLevels(members.stream().map(m -> m.level(characteristic)).toList())));
        }
        List<Benchmark.ComparedCity> compared = others.stream().map(o -> new Benchmark.ComparedCity(o.id(), o.name(),
                o.country(), o.region(), relations.get(o.id()), o.levels())).toList();
        return new Benchmark(city.id(), city.region(), levels, compared, memberships,
                kpis(city, others, relations, catalogue), peerLookup);
    }

    private static List<Benchmark.KpiRow> kpis(CityFacts city, List<CityFacts> others, Map<String, Benchmark.Relation> relations,
            Function<String, Optional<Indicator>> catalogue) {
        Map<String, CityProfile.Kpi> own = latestByCode(city.kpis());
        List<Benchmark.KpiRow> rows = new ArrayList<>();
        own.forEach((code, kpi) -> {
            List<Benchmark.OtherValue> values = new ArrayList<>();
            for (CityFacts other : others) {
                CityProfile.Kpi theirs = latestByCode(other.kpis()).get(code);
                if (theirs != null) {
                    values.add(new Benchmark.OtherValue(other.id(), other.name(), relations.get(other.id()),
                            theirs.value(), theirs.year()));
                }
            }
            rows.add(new Benchmark.KpiRow(code, catalogue.apply(code).map(Indicator::title).orElse(kpi.name()), kpi.unit(),
                    kpi.value(), kpi.year(), values,
                    Medians.ofValues(values.stream().map(Benchmark.OtherValue::value).toList())));
        });
        return rows;
    }

    /** The latest KPI per catalogued indicator; KPIs without a code are the city's own and not compared. */
    static Map<String, CityProfile.Kpi> latestByCode(List<CityProfile.Kpi> kpis) {
        Map<String, CityProfile.Kpi> latest = new LinkedHashMap<>();
        kpis.stream().filter(k -> k.indicatorCode() != null)
                .sorted(Comparator.comparing(CityProfile.Kpi::year))
                .forEach(k -> latest.put(k.indicatorCode().strip(), k));
        return latest;
    }
}
