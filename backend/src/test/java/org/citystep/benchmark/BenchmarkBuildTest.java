package org.citystep.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.citystep.city.CityProfile;
import org.citystep.city.Region;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.junit.jupiter.api.Test;

class BenchmarkBuildTest {

    private static CityProfile.Kpi kpi(String code, double value, int year) {
        return new CityProfile.Kpi(code, Map.of("en", "kpi " + code), value, "%", year, null);
    }

    private static BenchmarkService.CityFacts city(String id, MaturityLevel strategy, List<CityProfile.Kpi> kpis) {
        return new BenchmarkService.CityFacts(id, Map.of("en", id), "NL", Region.EU, Map.of(Characteristic.STRATEGY, strategy),
                kpis);
    }

    private static final BenchmarkService.CityFacts OWN = city("own", MaturityLevel.BASIC,
            List.of(kpi("X 1", 10, 2020), kpi("X 1", 12, 2023), kpi(null, 99, 2023), kpi("X 2", 5, 2023)));
    private static final BenchmarkService.CityFacts PEER = city("peer", MaturityLevel.AVERAGE, List.of(kpi("X 1", 20, 2022)));
    private static final BenchmarkService.CityFacts MEMBER = city("member", MaturityLevel.STATE_OF_THE_ART,
            List.of(kpi("X 1", 40, 2021), kpi("X 1", 30, 2023)));
    private static final List<Benchmark.ClusterRef> CLUSTERS = List.of(
            new Benchmark.ClusterRef("air", Map.of("en", "Air"), List.of("member", "own")));

    private Benchmark benchmark() {
        var relations = BenchmarkService.relations("own", List.of("peer", "peer"), CLUSTERS);
        return BenchmarkService.build(OWN,
                Map.of(Characteristic.STRATEGY, Map.of(MaturityLevel.BASIC, 1L, MaturityLevel.MORE_ADVANCED, 2L,
                        MaturityLevel.NOT_ASSESSED, 7L)),
                Benchmark.PeerLookup.AVAILABLE, CLUSTERS, List.of(PEER, MEMBER), relations,
                code -> Optional.empty());
    }

    @Test
    void comparesPeersFirstThenClusterMembersNeverTheCityItself() {
        var relations = BenchmarkService.relations("own", List.of("peer", "member", "peer"), CLUSTERS);
        assertThat(relations).containsExactly(Map.entry("peer", Benchmark.Relation.PEER),
                Map.entry("member", Benchmark.Relation.PEER));
        assertThat(BenchmarkService.relations("own", List.of("peer"), CLUSTERS)).containsExactly(
                Map.entry("peer", Benchmark.Relation.PEER), Map.entry("member", Benchmark.Relation.CLUSTER_MEMBER));
    }

    @Test
    void levelsStandBesideTheRegionPeersAndClusterMedians() {
        var strategy = benchmark().levels().stream().filter(row -> row.characteristic() == Characteristic.STRATEGY)
                .findFirst().orElseThrow();
        assertThat(strategy.level()).isEqualTo(MaturityLevel.BASIC);
        assertThat(strategy.regionMedian()).isEqualTo(3.0);
        assertThat(strategy.regionCities()).isEqualTo(3);
        assertThat(strategy.peersMedian()).isEqualTo(2.0);
        assertThat(strategy.clustersMedian()).isEqualTo(4.0);
        var funding = benchmark().levels().stream().filter(row -> row.characteristic() == Characteristic.FUNDING)
                .findFirst().orElseThrow();
        assertThat(funding.regionMedian()).isNull();
        assertThat(funding.peersMedian()).isNull();
    }

    @Test
    void eachCataloguedKpiUsesTheLatestYearOfEveryCityAndLocalOnesAreLeftOut() {
        var kpis = benchmark().kpis();
        assertThat(kpis).extracting(Benchmark.KpiRow::indicatorCode).containsExactly("X 1", "X 2");
        var first = kpis.get(0);
        assertThat(first.value()).isEqualTo(12);
        assertThat(first.year()).isEqualTo(2023);
        assertThat(first.others()).extracting(Benchmark.OtherValue::value).containsExactly(20.0, 30.0);
        assertThat(first.median()).isEqualTo(25.0);
        assertThat(kpis.get(1).others()).isEmpty();
        assertThat(kpis.get(1).median()).isNull();
    }
}
