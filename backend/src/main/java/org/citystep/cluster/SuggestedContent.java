package org.citystep.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.citystep.reference.ServiceDomain;

/** A cluster's first content from a suggestion: named after its main shared topics; the lead may rename it. */
final class SuggestedContent {

    private SuggestedContent() {
    }

    static ClusterContent of(ClusterSuggestion suggestion) {
        List<ClusterSuggestion.SharedTopic> domains = suggestion.sharedTopics().stream()
                .filter(topic -> topic.kind() == ClusterSuggestion.SharedTopic.Kind.SERVICE_DOMAIN).toList();
        List<ClusterSuggestion.SharedTopic> main = domains.stream().limit(2).toList();
        Map<String, String> name = new LinkedHashMap<>();
        name.put("en", main.isEmpty() ? "Cities with shared interests"
                : main.stream().map(t -> t.name().getOrDefault("en", t.code())).collect(Collectors.joining(" and ")) + " cities");
        name.put("zh", main.isEmpty() ? "共同关注城市集群"
                : main.stream().map(t -> t.name().getOrDefault("zh", t.code())).collect(Collectors.joining("与")) + "城市集群");
        Map<String, String> purpose = Map.of(
                "en", suggestion.reasons().stream().map(r -> r.en()).collect(Collectors.joining(" ")),
                "zh", suggestion.reasons().stream().map(r -> r.zh()).collect(Collectors.joining("")));
        Set<ServiceDomain> topicDomains = domains.stream().map(t -> ServiceDomain.valueOf(t.code()))
                .collect(Collectors.toSet());
        List<String> keywords = suggestion.sharedTopics().stream()
                .filter(topic -> topic.kind() == ClusterSuggestion.SharedTopic.Kind.TECHNOLOGY)
                .map(ClusterSuggestion.SharedTopic::code).limit(20).toList();
        return new ClusterContent(name, purpose, new ClusterContent.Topic(topicDomains, Set.of(), keywords), List.of(),
                List.of());
    }
}
