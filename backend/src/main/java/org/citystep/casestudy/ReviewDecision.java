package org.citystep.casestudy;

/** What a curator decides about a case study. */
public enum ReviewDecision {
    REQUEST_CHANGES,
    PUBLISH,
    REJECT,
    ARCHIVE
}
