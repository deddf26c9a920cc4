package org.citystep.matching;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.citystep.city.AdministrativeLevel;
import org.citystep.city.CityProfile;
import org.citystep.city.Region;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.citystep.search.SearchService.GroupMatch;

/**
 * Prints how long ranking the candidates of one step takes, in memory, for growing candidate counts
 * (the database and Elasticsearch round trips are not part of it). Run with {@code bench/run matching}.
 */
public final class PeerRankingBenchmark {

    private PeerRankingBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(42);
        Region[] regions = Region.values();
        ServiceDomain[] domains = ServiceDomain.values();
        MaturityLevel[] levels = {MaturityLevel.BASIC, MaturityLevel.AVERAGE, MaturityLevel.MORE_ADVANCED};
        Peer city = peer("home", random, regions, domains, levels);
        System.out.println("candidates  ms-per-ranking (median of 21)");
        for (int n : new int[] {1_000, 5_000, 10_000}) {
            List<Peer> candidates = new ArrayList<>();
            Map<String, GroupMatch> projects = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                Peer peer = peer("city-" + i, random, regions, domains, levels);
                candidates.add(peer);
                if (random.nextInt(4) == 0) {
                    projects.put(peer.id(), new GroupMatch("study-" + i, Map.of("en", "Study " + i), random.nextDouble() * 10));
                }
            }
            long[] times = new long[21];
            for (int run = 0; run < times.length; run++) {
                long started = System.nanoTime();
                PeerRanking.rank(city, Characteristic.FUNDING, candidates, projects, Map.of());
                times[run] = System.nanoTime() - started;
            }
            java.util.Arrays.sort(times);
            System.out.printf("%10d  %6.1f%n", n, times[times.length / 2] / 1e6);
        }
    }

    private static Peer peer(String id, Random random, Region[] regions, ServiceDomain[] domains, MaturityLevel[] levels) {
        Map<Characteristic, MaturityLevel> assessed = new EnumMap<>(Characteristic.class);
        Characteristic.ratedOnes().forEach(c -> assessed.put(c, levels[random.nextInt(levels.length)]));
        Set<ServiceDomain> interests = java.util.EnumSet.of(domains[random.nextInt(domains.length)], domains[random.nextInt(domains.length)]);
        return new Peer(id, new CityProfile(Map.of("en", id), random.nextBoolean() ? "NL" : "CN",
                regions[random.nextInt(regions.length)], 10_000L + random.nextInt(20_000_000), null, null,
                AdministrativeLevel.values()[random.nextInt(3)], List.of("en"), Map.of(), interests, List.of(), List.of()),
                assessed);
    }
}
