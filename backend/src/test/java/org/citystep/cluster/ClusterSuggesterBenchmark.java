package org.citystep.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.citystep.reference.ServiceDomain;

/**
 * Prints how long computing cluster suggestions takes, and the heap it needs, for 1,000 to 50,000
 * cities, and how the time grows: the exponent {@code e} in time ∝ cities^e between two sizes (1 is
 * linear, 2 is what comparing every pair costs); the median of three runs. Beside it, for the sizes where that is still quick,
 * the time of the all-pairs neighbour search that the indexed one replaced, on the same data.
 * <p>
 * The cities look like those of the data generator: each leans towards one of six themes, names 2–6
 * of the 16 service domains as interests (mostly from its theme), and about half have published case
 * studies, which add a domain and 1–3 of the 19 technologies each. Fixed seed. Run with
 * {@code bench/run cluster}; not a test.
 */
public final class ClusterSuggesterBenchmark {

    private static final String[] TECHNOLOGIES = {"IOT", "CLOUD", "OPEN_API", "AI", "BIG_DATA", "GIS", "BLOCKCHAIN",
            "5G", "BIM", "DIGITAL_TWIN", "DRONES", "EDGE", "SENSORS", "MOBILE_APPS", "SMART_METERING", "LORAWAN",
            "ROBOTICS", "AR_VR", "CYBERSECURITY"};
    private static final int THEMES = 6;
    /** Each size is computed this often and the median time printed: the machine is shared. */
    private static final int RUNS = 3;

    private ClusterSuggesterBenchmark() {
    }

    static List<InterestProfile> cities(int n, long seed) {
        Random random = new Random(seed);
        ServiceDomain[] domains = ServiceDomain.values();
        List<InterestProfile> cities = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int theme = random.nextInt(THEMES);
            Set<ServiceDomain> interests = new HashSet<>();
            int wanted = 2 + random.nextInt(5);
            while (interests.size() < wanted) {
                interests.add(random.nextDouble() < 0.7 ? domains[(theme * 3 + random.nextInt(5)) % domains.length]
                        : domains[random.nextInt(domains.length)]);
            }
            Set<ServiceDomain> covered = new HashSet<>(interests);
            Set<String> technologies = new HashSet<>();
            int studies = random.nextBoolean() ? 0 : 1 + random.nextInt(4);
            for (int s = 0; s < studies; s++) {
                covered.add(random.nextDouble() < 0.8 ? domains[(theme * 3 + random.nextInt(5)) % domains.length]
                        : domains[random.nextInt(domains.length)]);
                for (int t = 1 + random.nextInt(3); t > 0; t--) {
                    technologies.add(random.nextDouble() < 0.6 ? TECHNOLOGIES[(theme * 3 + random.nextInt(4))
                            % TECHNOLOGIES.length] : TECHNOLOGIES[random.nextInt(TECHNOLOGIES.length)]);
                }
            }
            cities.add(new InterestProfile(String.format("city-%05d", i), Map.of("en", "City " + i), covered,
                    technologies));
        }
        return cities;
    }

    /** The all-pairs neighbour search the indexed one replaced; for comparison only. */
    private static long allPairsMillis(List<InterestProfile> cities, int k, double threshold) {
        List<InterestProfile> sorted = cities.stream().sorted(Comparator.comparing(InterestProfile::cityId)).toList();
        long started = System.nanoTime();
        long kept = 0;
        for (int i = 0; i < sorted.size(); i++) {
            java.util.PriorityQueue<Double> best = new java.util.PriorityQueue<>();
            for (int j = 0; j < sorted.size(); j++) {
                double similarity = sorted.get(i).similarity(sorted.get(j));
                if (j != i && similarity >= threshold) {
                    best.add(similarity);
                    if (best.size() > k) {
                        best.poll();
                    }
                }
            }
            kept += best.size();
        }
        if (kept < 0) {
            throw new IllegalStateException();
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    public static void main(String[] args) {
        ClusterSuggester suggester = new ClusterSuggester(0.34, 6, 3, d -> Map.of("en", d.name()),
                t -> Map.of("en", t), new org.citystep.shared.i18n.Messages(new org.citystep.shared.i18n.IcuMessageSource()));
        suggester.suggest(cities(2_000, 1)); // warm-up: compile the hot paths before measuring
        int[] sizes = {1_000, 5_000, 10_000, 50_000};
        System.out.println(" cities   links  suggestions  modularity  neighbours-ms  total-ms  growth  heap-MB"
                + "  all-pairs-neighbours-ms");
        long previousMillis = 0;
        int previousSize = 0;
        for (int n : sizes) {
            List<InterestProfile> cities = cities(n, 42);
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            long before = runtime.totalMemory() - runtime.freeMemory();
            ClusterSuggester.Result result = null;
            long after = 0;
            long[] runs = new long[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long started = System.nanoTime();
                result = suggester.suggest(cities);
                runs[run] = (System.nanoTime() - started) / 1_000_000;
                after = Math.max(after, runtime.totalMemory() - runtime.freeMemory());
            }
            java.util.Arrays.sort(runs);
            long millis = runs[RUNS / 2];
            long neighboursStarted = System.nanoTime();
            NeighbourSearch.nearest(cities.stream().sorted(Comparator.comparing(InterestProfile::cityId)).toList(), 6,
                    0.34);
            long neighboursMillis = (System.nanoTime() - neighboursStarted) / 1_000_000;
            String growth = previousSize == 0 ? "-" : String.format("%.2f",
                    Math.log(Math.max(1, millis) / (double) Math.max(1, previousMillis))
                            / Math.log(n / (double) previousSize));
            String allPairs = n <= 10_000 ? String.valueOf(allPairsMillis(cities, 6, 0.34)) : "(skipped)";
            System.out.printf("%7d %7d %12d %11.3f %14d %9d %7s %8d  %s%n", n, result.edges(),
                    result.suggestions().size(), result.modularity(), neighboursMillis, millis, growth,
                    Math.max(0, after - before) / (1024 * 1024), allPairs);
            previousMillis = millis;
            previousSize = n;
        }
        System.out.println("growth: e in time ∝ cities^e against the row above (1 = linear, 2 = all pairs)");
    }
}
