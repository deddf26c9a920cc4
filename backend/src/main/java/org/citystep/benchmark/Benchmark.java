package org.citystep.benchmark;

import java.util.List;
import java.util.Map;

import org.citystep.city.Region;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A city beside the cities it is compared with.
 *
 * @param levels     per rated characteristic: the city's level beside the medians of its region, its peers and
 *                   its clusters' members (median ranks 0–4; absent when none of them is assessed)
 * @param peers      the peers one step ahead the matching roadmap found, then the members of the city's active
 *                   clusters; each city once
 * @param clusters   the city's active clusters
 * @param kpis       each of the city's catalogued KPIs beside the compared cities' values for the same indicator
 * @param peerLookup {@code UNAVAILABLE} while search is down: then only the clusters' members are compared
 */
@Schema(name = "Benchmark")
public record Benchmark(String cityId, Region region, List<LevelRow> levels, List<ComparedCity> peers,
        List<ClusterRef> clusters, List<KpiRow> kpis, PeerLookup peerLookup) {

    public enum PeerLookup {
        AVAILABLE, UNAVAILABLE
    }

    /** Why a city is compared: a peer one step ahead, or a fellow member of a cluster. */
    public enum Relation {
        PEER, CLUSTER_MEMBER
    }

    /**
     * @param regionMedian   over the region's cities with a validated self-assessment
     * @param regionCities   how many of them are assessed in this characteristic
     * @param peersMedian    over the peers
     * @param clustersMedian over the clusters' members
     */
    @Schema(name = "BenchmarkLevel")
    public record LevelRow(Characteristic characteristic, MaturityLevel level, @Nullable Double regionMedian,
            long regionCities, @Nullable Double peersMedian, @Nullable Double clustersMedian) {
    }

    @Schema(name = "BenchmarkCity")
    public record ComparedCity(String id, Map<String, String> name, String country, Region region, Relation relation,
            Map<Characteristic, MaturityLevel> levels) {
    }

    @Schema(name = "BenchmarkCluster")
    public record ClusterRef(String id, Map<String, String> name, List<String> memberIds) {
    }

    /**
     * @param others the compared cities that report the same indicator, their latest value
     * @param median the median of {@code others}' values; absent when none reports it
     */
    @Schema(name = "BenchmarkKpi")
    public record KpiRow(String indicatorCode, Map<String, String> title, String unit, double value, int year,
            List<OtherValue> others, @Nullable Double median) {
    }

    @Schema(name = "BenchmarkKpiValue")
    public record OtherValue(String cityId, Map<String, String> name, Relation relation, double value, int year) {
    }
}
