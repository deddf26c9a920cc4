package org.citystep.casestudy;

/**
 * A case study was published, changed while published, or withdrawn from publication (archived,
 * sent back): the topics a city is known to work on may have changed.
 */
public record PublishedCaseStudyChanged(String caseStudyId, String cityId) {
}
