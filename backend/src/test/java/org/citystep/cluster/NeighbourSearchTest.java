package org.citystep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.citystep.reference.ServiceDomain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The neighbour search finds exactly the neighbours that comparing every pair of cities finds. */
class NeighbourSearchTest {

    private static final String[] TECHNOLOGIES = {"IOT", "CLOUD", "OPEN_API", "AI", "GIS", "BLOCKCHAIN", "5G", "BIM",
            "DIGITAL_TWIN", "DRONES"};

    /** Cities with 0–6 of the domains and 0–3 technologies: many ties, duplicates and lone cities. */
    private static List<InterestProfile> randomCities(int n, long seed) {
        Random random = new Random(seed);
        ServiceDomain[] domains = ServiceDomain.values();
        List<InterestProfile> cities = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<ServiceDomain> interests = new HashSet<>();
            int theme = random.nextInt(4);
            for (int k = random.nextInt(7); k > 0; k--) {
                interests.add(random.nextBoolean() ? domains[(theme * 3 + random.nextInt(4)) % domains.length]
                        : domains[random.nextInt(domains.length)]);
            }
            Set<String> technologies = new HashSet<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                technologies.add(TECHNOLOGIES[random.nextInt(TECHNOLOGIES.length)]);
            }
            cities.add(new InterestProfile(String.format("city-%04d", i), Map.of("en", "City " + i), interests,
                    technologies));
        }
        return cities;
    }

    /** Every pair compared: the best {@code k} at or above the threshold, by similarity then id. */
    private static List<List<NeighbourSearch.Neighbour>> bruteForce(List<InterestProfile> cities, int k,
            double threshold) {
        List<List<NeighbourSearch.Neighbour>> all = new ArrayList<>();
        for (int i = 0; i < cities.size(); i++) {
            List<NeighbourSearch.Neighbour> candidates = new ArrayList<>();
            for (int j = 0; j < cities.size(); j++) {
                double similarity = cities.get(i).similarity(cities.get(j));
                if (j != i && similarity >= threshold) {
                    candidates.add(new NeighbourSearch.Neighbour(j, similarity));
                }
            }
            candidates.sort(Comparator.comparingDouble(NeighbourSearch.Neighbour::similarity).reversed()
                    .thenComparingInt(NeighbourSearch.Neighbour::index));
            all.add(candidates.subList(0, Math.min(k, candidates.size())));
        }
        return all;
    }

    @ParameterizedTest
    @CsvSource({"300, 6, 0.34, 1", "400, 6, 0.34, 2", "250, 3, 0.5, 3", "300, 10, 0.1, 4", "200, 6, 0.0, 5",
            "300, 1, 0.34, 6", "350, 6, 0.8, 7"})
    void findsTheSameNeighboursAsComparingEveryPair(int n, int k, double threshold, long seed) {
        List<InterestProfile> cities = randomCities(n, seed).stream()
                .sorted(Comparator.comparing(InterestProfile::cityId)).toList();

        List<List<NeighbourSearch.Neighbour>> found = NeighbourSearch.nearest(cities, k, threshold);

        List<List<NeighbourSearch.Neighbour>> expected = bruteForce(cities, k, threshold);
        assertThat(expected.stream().mapToInt(List::size).sum()).as("the data has neighbours to find").isPositive();
        for (int i = 0; i < cities.size(); i++) {
            assertThat(found.get(i)).as("neighbours of %s", cities.get(i).cityId()).isEqualTo(expected.get(i));
        }
    }
}
