package org.citystep.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.citystep.reference.ServiceDomain;
import org.citystep.shared.explain.Reason;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.GreedyModularityAlgorithm;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Finds groups of cities working on similar things: community detection on an interest-similarity
 * graph. Every city is a vertex; each is joined to its {@code neighbours} most similar cities whose
 * similarity reaches {@code threshold} (a sparse k-nearest-neighbour graph, so the cost stays near
 * linear in the number of cities). JGraphT's greedy modularity maximisation (Clauset, Newman and
 * Moore 2004) then splits the graph into communities; deterministic, parameter-free, and each
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

    ClusterSuggester(double threshold, int neighbours, int minimumSize,
            Function<ServiceDomain, Map<String, String>> domainNames, Function<String, Map<String, String>> technologyNames) {
        this.threshold = threshold;
        this.neighbours = neighbours;
        this.minimumSize = minimumSize;
        this.domainNames = domainNames;
        this.technologyNames = technologyNames;
    }

    Result suggest(List<InterestProfile> cities) {
        List<InterestProfile> sorted = cities.stream().sorted(Comparator.comparing(InterestProfile::cityId)).toList();
        Graph<String, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        sorted.forEach(city -> graph.addVertex(city.cityId()));
        for (int i = 0; i < sorted.size(); i++) {
            for (String neighbour : nearest(sorted, i)) {
                graph.addEdge(sorted.get(i).cityId(), neighbour);
            }
        }
        if (graph.edgeSet().isEmpty()) {
            return new Result(List.of(), 0, 0);
        }
        List<Set<String>> communities = communities(graph);
        double modularity = new UndirectedModularityMeasurer<>(graph).modularity(communities);
        Map<String, InterestProfile> byId = sorted.stream()
                .collect(Collectors.toMap(InterestProfile::cityId, Function.identity()));
        List<ClusterSuggestion> suggestions = communities.stream()
                .filter(community -> community.size() >= minimumSize)
                .map(community -> describe(community.stream().sorted().map(byId::get).toList()))
                .sorted(Comparator.comparingInt((ClusterSuggestion s) -> s.members().size()).reversed()
                        .thenComparing(Comparator.comparingDouble(ClusterSuggestion::cohesion).reversed())
                        .thenComparing(ClusterSuggestion::id))
                .toList();
        return new Result(suggestions, modularity, graph.edgeSet().size());
    }

    /**
     * The communities of each connected part of the graph; JGraphT's greedy modularity merges until
     * one community is left or no merge helps, so it is given one connected part at a time (on a
     * disconnected graph it runs out of candidate merges and fails).
     */
    private static List<Set<String>> communities(Graph<String, DefaultEdge> graph) {
        List<Set<String>> communities = new ArrayList<>();
        for (Set<String> part : new ConnectivityInspector<>(graph).connectedSets()) {
            if (part.size() < 3) {
                communities.add(part);
                continue;
            }
            communities.addAll(new GreedyModularityAlgorithm<>(new AsSubgraph<>(graph, part)).getClustering().getClusters());
        }
        return communities;
    }

    /** The ids of up to {@code neighbours} cities most similar to city {@code i}, at or above the threshold. */
    private List<String> nearest(List<InterestProfile> cities, int i) {
        InterestProfile city = cities.get(i);
        PriorityQueue<Map.Entry<String, Double>> best = new PriorityQueue<>(Map.Entry.comparingByValue());
        for (int j = 0; j < cities.size(); j++) {
            if (j == i) {
                continue;
            }
            double similarity = city.similarity(cities.get(j));
            if (similarity >= threshold) {
                best.add(Map.entry(cities.get(j).cityId(), similarity));
                if (best.size() > neighbours) {
                    best.poll();
                }
            }
        }
        return best.stream().map(Map.Entry::getKey).toList();
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
                List.copyOf(shared), Math.round(cohesion * 1000) / 1000.0, reasons(size, shared, cohesion));
    }

    private static double cohesion(List<InterestProfile> members) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                sum += members.get(i).similarity(members.get(j));
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    private static List<Reason> reasons(int size, List<ClusterSuggestion.SharedTopic> shared, double cohesion) {
        List<Reason> reasons = new ArrayList<>();
        for (ClusterSuggestion.SharedTopic topic : shared) {
            String en = topic.name().getOrDefault("en", topic.code());
            String zh = topic.name().getOrDefault("zh", en);
            boolean all = topic.cities() == size;
            if (topic.kind() == ClusterSuggestion.SharedTopic.Kind.SERVICE_DOMAIN) {
                reasons.add(all ? new Reason("All " + size + " cities work on " + en + ".", size + "个城市都关注" + zh + "。")
                        : new Reason(topic.cities() + " of the " + size + " cities work on " + en + ".",
                                size + "个城市中有" + topic.cities() + "个关注" + zh + "。"));
            }
            else {
                reasons.add(new Reason(topic.cities() + " of the " + size + " cities have published case studies using "
                        + en + ".", size + "个城市中有" + topic.cities() + "个发布了使用" + zh + "的案例。"));
            }
        }
        long percent = Math.round(cohesion * 100);
        reasons.add(new Reason("On average, two of these cities share " + percent + "% of what they work on.",
                "这些城市两两之间平均有" + percent + "%的工作领域相同。"));
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
