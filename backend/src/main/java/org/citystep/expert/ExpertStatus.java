package org.citystep.expert;

/** A proposed expert is visible to curators only until approved. */
public enum ExpertStatus {
    PROPOSED,
    APPROVED
}
