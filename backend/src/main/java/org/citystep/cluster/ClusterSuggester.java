package org.citystep.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.citystep.reference.ServiceDomain;
import org.citystep.shared.explain.Reason;
import org.citystep.shared.i18n.Messages;

import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;

/**
 * Finds groups of cities working on similar things: community detection on an interest-similarity
 * graph. Every city is a vertex; each is joined to its {@code neighbours} most similar cities whose
 * similarity reaches {@code threshold} (a sparse k-nearest-neighbour graph, found by
 * {@link NeighbourSearch} without comparing every pair), and each link weighs as much as the two
 * cities are alike. The Leiden algorithm (Traag, Waltman and van Eck 2019, CWTS's reference
 * implementation) then maximises the weighted modularity of the graph; JGraphT's greedy modularity
 * was used before, but it counts every link as 1. Leiden's communities are connected, it runs in
 * near-linear time, and with a fixed seed on cities sorted by id it is deterministic. Each
 * community is explainable from the interests its members share. Pure: data in, suggestions out.
 */
final class ClusterSuggester {

    /** What a run found; {@code modularity} (−0.5 to 1) says how clearly the graph splits. */
    record Result(List<ClusterSuggestion> suggestions, double modularity, int edges) {
    }

    private final double threshold;
    private final int neighbours;
    private final int minimumSize;
    private final Function<ServiceDomain, Map<String, String>> domainNames;
    private final Function<String, Map<String, String>> technologyNames;
    private final Messages messages;

    ClusterSuggester(double threshold, int neighbours, int minimumSize,
            Function<ServiceDomain, Map<String, String>> domainNames, Function<String, Map<String, String>> technologyNames,
            Messages messages) {
        this.messages = messages;
        this.threshold = threshold;
        this.neighbours = neighbours;
        this.minimumSize = minimumSize;
        this.domainNames = domainNames;
        this.technologyNames = technologyNames;
    }

    Result suggest(List<InterestProfile> cities) {
        List<InterestProfile> sorted = cities.stream().sorted(Comparator.comparing(InterestProfile::cityId)).toList();
        Links links = links(sorted);
        if (links.count() == 0) {
            return new Result(List.of(), 0, 0);
        }
        int[][] communities = communities(sorted.size(), links);
        double modularity = modularity(links, communities, sorted.size());
        List<ClusterSuggestion> suggestions = Arrays.stream(communities)
                .filter(community -> community.length >= minimumSize)
                .map(community -> describe(Arrays.stream(community).sorted().mapToObj(sorted::get).toList()))
                .sorted(Comparator.comparingInt((ClusterSuggestion s) -> s.members().size()).reversed()
                        .thenComparing(Comparator.comparingDouble(ClusterSuggestion::cohesion).reversed())
                        .thenComparing(ClusterSuggestion::id))
                .toList();
        return new Result(suggestions, modularity, links.count());
    }

    /** Undirected links between cities (indexes into the id-sorted list), each once, weighted by similarity. */
    record Links(int[] from, int[] to, double[] weight) {

        int count() {
            return from.length;
        }
    }

    /** Each city linked to its nearest neighbours; a pair that are each other's neighbours is linked once. */
    Links links(List<InterestProfile> sorted) {
        List<List<NeighbourSearch.Neighbour>> nearest = NeighbourSearch.nearest(sorted, neighbours, threshold);
        int[] from = new int[sorted.size() * neighbours];
        int[] to = new int[from.length];
        double[] weight = new double[from.length];
        int count = 0;
        for (int city = 0; city < sorted.size(); city++) {
            for (NeighbourSearch.Neighbour neighbour : nearest.get(city)) {
                int other = neighbour.index();
                if (other < city && linksBack(nearest.get(other), city)) {
                    continue; // linked already, from the other side
                }
                from[count] = Math.min(city, other);
                to[count] = Math.max(city, other);
                weight[count++] = neighbour.similarity();
            }
        }
        return new Links(Arrays.copyOf(from, count), Arrays.copyOf(to, count), Arrays.copyOf(weight, count));
    }

    private static boolean linksBack(List<NeighbourSearch.Neighbour> neighboursOfOther, int city) {
        for (NeighbourSearch.Neighbour back : neighboursOfOther) {
            if (back.index() == city) {
                return true;
            }
        }
        return false;
    }

    /**
     * Leiden on the weighted links, with node weights equal to weighted degrees and resolution
     * 1 / 2m: then the quality it maximises is modularity. Iterates until a pass changes nothing.
     */
    static int[][] communities(int cities, Links links) {
        Network network = new Network(cities, true,
                new LargeIntArray[] {new LargeIntArray(links.from()), new LargeIntArray(links.to())},
                new LargeDoubleArray(links.weight()), false, true);
        double resolution = 1 / (2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks());
        LeidenAlgorithm leiden = new LeidenAlgorithm(resolution, -1, LeidenAlgorithm.DEFAULT_RANDOMNESS,
                new Random(SEED));
        Clustering clustering = leiden.findClustering(network);
        return clustering.getNodesPerCluster();
    }

    /** Fixed, so the same cities always give the same communities. */
    private static final long SEED = 2019L;

    /**
     * Weighted modularity of a partition (Newman 2004): for each community, the share of link weight
     * inside it minus the square of the share of link ends (weighted degrees) in it. −0.5 to 1.
     */
    static double modularity(Links links, int[][] communities, int cities) {
        int[] communityOf = new int[cities];
        for (int c = 0; c < communities.length; c++) {
            for (int city : communities[c]) {
                communityOf[city] = c;
            }
        }
        double total = 0;
        double[] inside = new double[communities.length];
        double[] ends = new double[communities.length];
        for (int l = 0; l < links.count(); l++) {
            double w = links.weight()[l];
            total += w;
            int a = communityOf[links.from()[l]];
            int b = communityOf[links.to()[l]];
            ends[a] += w;
            ends[b] += w;
            if (a == b) {
                inside[a] += w;
            }
        }
        if (total == 0) {
            return 0;
        }
        double modularity = 0;
        for (int c = 0; c < communities.length; c++) {
            double share = ends[c] / (2 * total);
            modularity += inside[c] / total - share * share;
        }
        return modularity;
    }

    private ClusterSuggestion describe(List<InterestProfile> members) {
        int size = members.size();
        Map<ServiceDomain, Integer> domains = new LinkedHashMap<>();
        Map<String, Integer> technologies = new LinkedHashMap<>();
        members.forEach(member -> {
            member.domains().forEach(d -> domains.merge(d, 1, Integer::sum));
            member.technologies().forEach(t -> technologies.merge(t, 1, Integer::sum));
        });
        List<ClusterSuggestion.SharedTopic> shared = new ArrayList<>();
        domains.entrySet().stream().filter(e -> e.getValue() * 2 >= size)
                .sorted(Map.Entry.<ServiceDomain, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> shared.add(new ClusterSuggestion.SharedTopic(ClusterSuggestion.SharedTopic.Kind.SERVICE_DOMAIN,
                        e.getKey().name(), domainNames.apply(e.getKey()), e.getValue())));
        technologies.entrySet().stream().filter(e -> e.getValue() * 2 >= size && e.getValue() > 1)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> shared.add(new ClusterSuggestion.SharedTopic(ClusterSuggestion.SharedTopic.Kind.TECHNOLOGY,
                        e.getKey(), technologyNames.apply(e.getKey()), e.getValue())));
        double cohesion = cohesion(members);
        return new ClusterSuggestion(idOf(members),
                members.stream().map(m -> new ClusterSuggestion.Member(m.cityId(), m.name())).toList(),
                List.copyOf(shared), Math.round(cohesion * 1000) / 1000.0, reasons(messages, size, shared, cohesion));
    }

    /**
     * The mean similarity of every pair of members. Members with the same domains and technologies
     * are compared once, as a group, so a large community costs its distinct profiles squared.
     */
    private static double cohesion(List<InterestProfile> members) {
        Map<List<Set<?>>, int[]> counts = new LinkedHashMap<>();
        Map<List<Set<?>>, InterestProfile> representative = new LinkedHashMap<>();
        for (InterestProfile member : members) {
            List<Set<?>> key = List.of(member.domains(), member.technologies());
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            representative.putIfAbsent(key, member);
        }
        List<InterestProfile> profiles = new ArrayList<>(representative.values());
        List<Integer> sizes = counts.values().stream().map(c -> c[0]).toList();
        double sum = 0;
        for (int i = 0; i < profiles.size(); i++) {
            long same = (long) sizes.get(i) * (sizes.get(i) - 1) / 2;
            sum += same * profiles.get(i).similarity(profiles.get(i));
            for (int j = i + 1; j < profiles.size(); j++) {
                sum += (long) sizes.get(i) * sizes.get(j) * profiles.get(i).similarity(profiles.get(j));
            }
        }
        long pairs = (long) members.size() * (members.size() - 1) / 2;
        return pairs == 0 ? 0 : sum / pairs;
    }

    private static List<Reason> reasons(Messages messages, int size, List<ClusterSuggestion.SharedTopic> shared,
            double cohesion) {
        List<Reason> reasons = new ArrayList<>();
        for (ClusterSuggestion.SharedTopic topic : shared) {
            boolean all = topic.cities() == size;
            String code = topic.kind() == ClusterSuggestion.SharedTopic.Kind.SERVICE_DOMAIN
                    ? (all ? "reason.cluster.allWorkOn" : "reason.cluster.someWorkOn")
                    : "reason.cluster.publishedUsing";
            reasons.add(messages.both(code, language -> new Object[] {size, topic.cities(),
                    topic.name().getOrDefault(language, topic.name().getOrDefault("en", topic.code()))}));
        }
        reasons.add(messages.both("reason.cluster.cohesion", Math.round(cohesion * 100)));
        return reasons;
    }

    /** The same cities always give the same id, so a suggestion survives recomputation. */
    static String idOf(List<InterestProfile> members) {
        String joined = members.stream().map(InterestProfile::cityId).sorted().collect(Collectors.joining(","));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return "s-" + HexFormat.of().formatHex(hash).substring(0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
