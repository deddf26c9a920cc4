package org.citystep.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.reference.Characteristic;
import org.citystep.reference.ServiceDomain;

/**
 * What a cluster is about, as its lead city or a curator writes it.
 *
 * @param name         per language ({@code en} required)
 * @param purpose      per language
 * @param topic        the service domains, characteristics and keywords it works on
 * @param caseStudyIds published case studies it builds on
 * @param expertIds    approved experts it works with
 */
public record ClusterContent(Map<String, String> name, Map<String, String> purpose, Topic topic,
        List<String> caseStudyIds, List<String> expertIds) {

    public ClusterContent {
        name = Map.copyOf(name);
        purpose = purpose == null ? Map.of() : Map.copyOf(purpose);
        topic = topic == null ? new Topic(Set.of(), Set.of(), List.of()) : topic;
        caseStudyIds = caseStudyIds == null ? List.of() : List.copyOf(caseStudyIds);
        expertIds = expertIds == null ? List.of() : List.copyOf(expertIds);
    }

    public record Topic(Set<ServiceDomain> serviceDomains, Set<Characteristic> characteristics, List<String> keywords) {
        public Topic {
            serviceDomains = serviceDomains == null ? Set.of() : Set.copyOf(serviceDomains);
            characteristics = characteristics == null ? Set.of() : Set.copyOf(characteristics);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }
}
