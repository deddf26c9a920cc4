package org.citystep.casestudy;

/**
 * The curation workflow: draft → submitted → (changes requested ↔ submitted) → published →
 * archived, or rejected.
 */
public enum CaseStudyStatus {
    DRAFT,
    SUBMITTED,
    CHANGES_REQUESTED,
    PUBLISHED,
    ARCHIVED,
    REJECTED;

    /** Whether the city's editors may still change the content. */
    public boolean editable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }
}
