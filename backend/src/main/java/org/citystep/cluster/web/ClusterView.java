package org.citystep.cluster.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.citystep.cluster.Cluster;
import org.citystep.cluster.ClusterContent;
import org.citystep.cluster.ClusterMember;
import org.citystep.cluster.ClusterOrigin;
import org.citystep.cluster.ClusterStatus;

import io.swagger.v3.oas.annotations.media.Schema;

/** A cluster as the API shows it; member names come from the cities, read in one query per page. */
@Schema(name = "Cluster")
record ClusterView(String id, long version, Map<String, String> name, Map<String, String> purpose,
        ClusterContent.Topic topic, ClusterStatus status, List<Member> members, List<Invited> invited,
        List<String> caseStudyIds, List<String> expertIds, ClusterOrigin origin, Instant createdAt, Instant updatedAt) {

    @Schema(name = "ClusterMember")
    record Member(String cityId, Map<String, String> name, ClusterMember.Role role, Instant joinedAt) {
    }

    @Schema(name = "ClusterInvitation")
    record Invited(String cityId, Map<String, String> name) {
    }

    static ClusterView of(Cluster cluster, Map<String, Map<String, String>> cityNames) {
        ClusterContent c = cluster.content();
        return new ClusterView(cluster.id(), cluster.version(), c.name(), c.purpose(), c.topic(), cluster.status(),
                cluster.members().stream().map(m -> new Member(m.cityId(), cityNames.getOrDefault(m.cityId(), Map.of()),
                        m.role(), m.joinedAt())).toList(),
                cluster.invitedCityIds().stream().map(id -> new Invited(id, cityNames.getOrDefault(id, Map.of()))).toList(),
                c.caseStudyIds(), c.expertIds(), cluster.origin(), cluster.createdAt(), cluster.updatedAt());
    }
}
