package org.citystep.expert;

/**
 * A proposed expert is visible to curators only until approved. A retired expert keeps its record
 * (for history and audit) but vanishes from search, matching and review assignment.
 */
public enum ExpertStatus {
    PROPOSED,
    APPROVED,
    RETIRED
}
