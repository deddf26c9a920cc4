package org.citystep.cluster;

import java.util.Map;
import java.util.Set;

import org.citystep.reference.ServiceDomain;

/**
 * What a city works on, for grouping: the service domains it names as interests or its published
 * case studies cover, and the technologies of those case studies.
 */
record InterestProfile(String cityId, Map<String, String> name, Set<ServiceDomain> domains, Set<String> technologies) {

    InterestProfile {
        name = Map.copyOf(name);
        domains = Set.copyOf(domains);
        technologies = Set.copyOf(technologies);
    }

    /**
     * How alike two cities' work is, 0 to 1: the Jaccard index of their service domains, blended
     * with that of their technologies (one fifth) when both have any.
     */
    double similarity(InterestProfile other) {
        double domainSimilarity = jaccard(domains, other.domains);
        if (technologies.isEmpty() || other.technologies.isEmpty()) {
            return domainSimilarity;
        }
        return 0.8 * domainSimilarity + 0.2 * jaccard(technologies, other.technologies);
    }

    private static <T> double jaccard(Set<T> a, Set<T> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / (a.size() + b.size() - shared);
    }
}
