package org.citystep.assessment;

/**
 * Where an assessment is in the review queue: submitted and waiting for an expert, assigned to (or
 * claimed by) one, or returned to the city and waiting for its next submission.
 */
public enum ReviewStatus {
    SUBMITTED,
    ASSIGNED,
    RETURNED
}
