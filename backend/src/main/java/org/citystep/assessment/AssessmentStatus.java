package org.citystep.assessment;

/** Where an assessment is in its review: draft → submitted → validated, or returned for changes. */
public enum AssessmentStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    VALIDATED
}
