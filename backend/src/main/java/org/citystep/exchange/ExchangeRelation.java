package org.citystep.exchange;

/**
 * Why the peer may be asked: it is exactly one validated level ahead in the characteristic, at the
 * same level when the asking city is at State of the Art, or a member of an active cluster the
 * asking city is a member of too.
 */
public enum ExchangeRelation {
    ONE_STEP_AHEAD, SAME_LEVEL, CLUSTER_PEER
}
