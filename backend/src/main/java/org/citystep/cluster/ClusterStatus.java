package org.citystep.cluster;

/** Proposed clusters wait for a curator; active ones take members; closed ones are history. */
public enum ClusterStatus {
    PROPOSED, ACTIVE, CLOSED
}
