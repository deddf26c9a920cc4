package org.citystep.demo;

/**
 * Published once the demo data set has been loaded on a first start, so features that derive
 * data from cities and case studies (cluster suggestions) can refresh at once instead of at their
 * next periodic check.
 *
 * @param caseStudies how many demo case studies were created
 */
public record DemoDataLoaded(long caseStudies) {
}
