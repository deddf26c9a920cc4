package org.citystep.cluster;

import java.time.Instant;

/** A member city; the lead city's editors may edit and close the cluster. */
public record ClusterMember(String cityId, Role role, Instant joinedAt) {

    public enum Role {
        LEAD, MEMBER
    }
}
