package org.citystep.casestudy;

import org.citystep.reference.Characteristic;
import org.citystep.reference.ServiceDomain;
import org.jspecify.annotations.Nullable;

/**
 * Optional criteria for listing case studies; null means "any".
 *
 * @param dueForReverification only published ones whose last verification is older than 24 months
 */
public record CaseStudyFilter(@Nullable String cityId, @Nullable CaseStudyStatus status,
        @Nullable ServiceDomain serviceDomain, @Nullable Characteristic characteristic, boolean dueForReverification) {
}
