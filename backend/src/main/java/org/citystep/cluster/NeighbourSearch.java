package org.citystep.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;

import org.citystep.reference.ServiceDomain;

/**
 * Each city's most similar cities, exactly as comparing every pair would find them, without
 * comparing every pair.
 * <p>
 * Similarity ({@link InterestProfile#similarity}) depends only on a city's set of service domains
 * and set of technologies, so cities with the same two sets form one <em>profile</em> and the
 * search runs once per profile. The domain part is what decides: with {@code i} domains shared and
 * {@code j} of the other's domains not in this one, the domain Jaccard index is {@code i / (a + j)}
 * ({@code a} = this profile's number of domains), and the technologies add at most
 * {@code 0.2} on top of {@code 0.8} times it. So the distinct domain sets (at most 2<sup>16</sup> of
 * them, whatever the number of cities) are put in buckets by {@code (i, j)} and visited from the most
 * similar bucket down; the walk stops as soon as no bucket further down can beat the {@code k}-th
 * best neighbour found or reach the threshold. Cities of one profile are equally similar to
 * everything, so of each profile only the first few cities (by id) can ever be among the best.
 * <p>
 * Ties are broken by city id, so the result is deterministic and equal to a brute-force scan that
 * orders by similarity, then id. Similarities are computed with the very arithmetic of
 * {@link InterestProfile#similarity}.
 */
final class NeighbourSearch {

    /** One neighbour of a city and how similar they are. */
    record Neighbour(int index, double similarity) {
    }

    /** Best first: higher similarity, then lower city id (the index into the id-sorted cities). */
    static final Comparator<Neighbour> BEST_FIRST = Comparator.comparingDouble(Neighbour::similarity).reversed()
            .thenComparingInt(Neighbour::index);

    private NeighbourSearch() {
    }

    /**
     * For each city of {@code cities} (sorted by id), up to {@code k} other cities whose similarity
     * is at least {@code threshold}, best first; as indexes into {@code cities}.
     */
    static List<List<Neighbour>> nearest(List<InterestProfile> cities, int k, double threshold) {
        int n = cities.size();
        List<List<Neighbour>> result = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            result.add(List.of());
        }
        if (k <= 0 || n < 2) {
            return result;
        }
        Map<String, Integer> technologyIds = technologyIds(cities);
        int words = Math.max(1, (technologyIds.size() + 63) / 64);
        // profiles: cities with the same domains and technologies, members in id order
        Map<ProfileKey, Profile> byKey = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            InterestProfile city = cities.get(c);
            long domains = 0;
            for (ServiceDomain domain : city.domains()) {
                domains |= 1L << domain.ordinal();
            }
            long[] technologies = new long[words];
            for (String technology : city.technologies()) {
                int id = technologyIds.get(technology);
                technologies[id >> 6] |= 1L << (id & 63);
            }
            byKey.computeIfAbsent(new ProfileKey(domains, technologies), Profile::new).members.add(c);
        }
        // distinct domain sets, each with its profiles
        Map<Long, List<Profile>> byDomains = new LinkedHashMap<>();
        byKey.values().forEach(profile -> byDomains.computeIfAbsent(profile.key.domains, d -> new ArrayList<>())
                .add(profile));
        long[] domainSets = byDomains.keySet().stream().mapToLong(Long::longValue).toArray();
        List<List<Profile>> profilesOf = new ArrayList<>(byDomains.values());

        int[] order = new int[domainSets.length];
        for (int d = 0; d < domainSets.length; d++) {
            List<DomainLevel> levels = levels(domainSets[d], domainSets, order);
            for (Profile profile : profilesOf.get(d)) {
                List<Neighbour> best = best(profile, levels, order, profilesOf, k + 1, threshold);
                for (int member : profile.members) {
                    List<Neighbour> own = new ArrayList<>(k);
                    for (Neighbour neighbour : best) {
                        if (neighbour.index() != member && own.size() < k) {
                            own.add(neighbour);
                        }
                    }
                    result.set(member, List.copyOf(own));
                }
            }
        }
        return result;
    }

    /** The best {@code limit} cities for a profile (its own members included), best first. */
    private static List<Neighbour> best(Profile profile, List<DomainLevel> levels, int[] order, List<List<Profile>> profilesOf,
            int limit, double threshold) {
        boolean hasTechnologies = profile.key.hasTechnologies();
        PriorityQueue<Neighbour> kept = new PriorityQueue<>(BEST_FIRST.reversed()); // worst on top
        for (DomainLevel level : levels) {
            double bound = hasTechnologies ? Math.max(level.domainSimilarity(), 0.8 * level.domainSimilarity() + 0.2)
                    : level.domainSimilarity();
            if (bound < threshold || kept.size() == limit && bound < kept.peek().similarity()) {
                break;
            }
            for (int position = level.from(); position < level.to(); position++) {
                for (Profile other : profilesOf.get(order[position])) {
                    double similarity = similarity(level.domainSimilarity(), profile.key, other.key);
                    if (similarity >= threshold) {
                        keep(kept, other, similarity, limit);
                    }
                }
            }
        }
        List<Neighbour> sorted = new ArrayList<>(kept);
        sorted.sort(BEST_FIRST);
        return sorted;
    }

    /** Keeps the members of {@code other} that rank among the best {@code limit}. */
    private static void keep(PriorityQueue<Neighbour> kept, Profile other, double similarity, int limit) {
        for (int member : other.members) { // in id order: once one is not kept, none after it is
            Neighbour candidate = new Neighbour(member, similarity);
            if (kept.size() < limit) {
                kept.add(candidate);
            }
            else if (BEST_FIRST.compare(candidate, kept.peek()) < 0) {
                kept.poll();
                kept.add(candidate);
            }
            else {
                return;
            }
        }
    }

    /** As {@link InterestProfile#similarity}, on bit sets, with the domain part already known. */
    private static double similarity(double domainSimilarity, ProfileKey a, ProfileKey b) {
        if (!a.hasTechnologies() || !b.hasTechnologies()) {
            return domainSimilarity;
        }
        int shared = 0;
        int sizes = 0;
        for (int w = 0; w < a.technologies.length; w++) {
            shared += Long.bitCount(a.technologies[w] & b.technologies[w]);
            sizes += Long.bitCount(a.technologies[w]) + Long.bitCount(b.technologies[w]);
        }
        double technologySimilarity = (double) shared / (sizes - shared);
        return 0.8 * domainSimilarity + 0.2 * technologySimilarity;
    }

    /**
     * The distinct domain sets in buckets of equal domain similarity to {@code domains}, most similar
     * first: a bucket is a range of {@code order}, which this fills (a counting sort by shared and
     * extra domains, linear in the number of distinct domain sets).
     */
    private static List<DomainLevel> levels(long domains, long[] domainSets, int[] order) {
        int a = Long.bitCount(domains);
        int[] keys = new int[domainSets.length];
        int[] counts = new int[BUCKETS + 1];
        for (int d = 0; d < domainSets.length; d++) {
            int shared = Long.bitCount(domains & domainSets[d]);
            int extra = Long.bitCount(domainSets[d] & ~domains);
            keys[d] = shared * 65 + extra;
            counts[keys[d] + 1]++;
        }
        for (int key = 0; key < BUCKETS; key++) {
            counts[key + 1] += counts[key];
        }
        List<DomainLevel> levels = new ArrayList<>();
        for (int key = 0; key < BUCKETS; key++) {
            if (counts[key + 1] > counts[key]) {
                int shared = key / 65;
                int extra = key % 65;
                // as InterestProfile's Jaccard: shared / (|a| + |b| - shared), and 0 when either is empty
                double similarity = a == 0 || shared + extra == 0 ? 0 : (double) shared / (a + extra);
                levels.add(new DomainLevel(similarity, counts[key], counts[key + 1]));
            }
        }
        int[] next = counts.clone();
        for (int d = 0; d < domainSets.length; d++) {
            order[next[keys[d]]++] = d;
        }
        levels.sort(Comparator.comparingDouble(DomainLevel::domainSimilarity).reversed());
        return levels;
    }

    /** Shared (0–64) and extra (0–64) domains: the buckets of {@link #levels}. */
    private static final int BUCKETS = 65 * 65;

    private static Map<String, Integer> technologyIds(List<InterestProfile> cities) {
        TreeSet<String> all = new TreeSet<>();
        cities.forEach(city -> all.addAll(city.technologies()));
        Map<String, Integer> ids = new HashMap<>();
        all.forEach(technology -> ids.put(technology, ids.size()));
        return ids;
    }

    private record ProfileKey(long domains, long[] technologies) {

        boolean hasTechnologies() {
            for (long word : technologies) {
                if (word != 0) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ProfileKey key && key.domains == domains && Arrays.equals(key.technologies, technologies);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(domains) * 31 + Arrays.hashCode(technologies);
        }

        @Override
        public String toString() {
            return Long.toBinaryString(domains) + "/" + Arrays.toString(technologies);
        }
    }

    private static final class Profile {

        final ProfileKey key;
        final List<Integer> members = new ArrayList<>();

        Profile(ProfileKey key) {
            this.key = key;
        }
    }

    /** Domain sets {@code order[from..to)} are this similar in their domains. */
    private record DomainLevel(double domainSimilarity, int from, int to) {
    }
}
