package org.citystep.cluster;

import java.util.List;
import java.util.Map;

import org.citystep.shared.explain.Reason;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A group of cities the system found working on similar things.
 *
 * @param id           stable for the same set of cities
 * @param sharedTopics what at least half of the members work on, most shared first
 * @param cohesion     the mean interest similarity of every pair of members, 0 to 1
 * @param reasons      why these cities belong together, in English and Chinese
 */
@Schema(name = "ClusterSuggestion")
public record ClusterSuggestion(String id, List<Member> members, List<SharedTopic> sharedTopics, double cohesion,
        List<Reason> reasons) {

    public record Member(String cityId, Map<String, String> name) {
    }

    /**
     * @param kind   a service domain, or a technology of the members' published case studies
     * @param cities how many members share it
     */
    public record SharedTopic(Kind kind, String code, Map<String, String> name, int cities) {

        public enum Kind {
            SERVICE_DOMAIN, TECHNOLOGY
        }
    }
}
