package org.citystep.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.citystep.reference.ServiceDomain;

/**
 * Prints how long computing cluster suggestions takes, and the heap it needs, for growing numbers
 * of cities with random interests (fixed seed). Run with {@code bench/run cluster}; not a test.
 */
public final class ClusterSuggesterBenchmark {

    private ClusterSuggesterBenchmark() {
    }

    public static void main(String[] args) {
        ClusterSuggester suggester = new ClusterSuggester(0.34, 6, 3, d -> Map.of("en", d.name()),
                t -> Map.of("en", t));
        ServiceDomain[] domains = ServiceDomain.values();
        String[] technologies = {"IOT", "CLOUD", "OPEN_API", "SENSORS", "AI", "GIS", "BLOCKCHAIN", "5G"};
        System.out.println("cities  links  suggestions  modularity  ms  heap-MB");
        for (int n : new int[] {1_000, 5_000, 10_000}) {
            Random random = new Random(42);
            List<InterestProfile> cities = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // cities lean towards one of eight themes of three domains, plus noise
                int theme = random.nextInt(8);
                Set<ServiceDomain> interests = new HashSet<>();
                for (int k = 0; k < 3; k++) {
                    if (random.nextDouble() < 0.8) {
                        interests.add(domains[(theme * 2 + k) % domains.length]);
                    }
                }
                interests.add(domains[random.nextInt(domains.length)]);
                Set<String> tech = new HashSet<>();
                if (random.nextBoolean()) {
                    tech.add(technologies[theme]);
                }
                cities.add(new InterestProfile("city-" + i, Map.of("en", "City " + i), interests, tech));
            }
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            long before = runtime.totalMemory() - runtime.freeMemory();
            long started = System.nanoTime();
            ClusterSuggester.Result result = suggester.suggest(cities);
            long millis = (System.nanoTime() - started) / 1_000_000;
            long after = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf("%6d %6d %12d %11.3f %5d %8d%n", n, result.edges(), result.suggestions().size(),
                    result.modularity(), millis, Math.max(0, after - before) / (1024 * 1024));
        }
    }
}
