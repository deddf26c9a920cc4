package org.citystep.casestudy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.citystep.casestudy.CaseStudy;
import org.citystep.casestudy.CaseStudyContent;
import org.citystep.casestudy.CaseStudyStatus;
import org.citystep.security.CurrentUser;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A case study with its curation state; the content's fields appear at the top level. Its contact is
 * personal data: only signed-in readers get it, anonymous ones learn from {@code contactAvailable}
 * that there is one.
 */
@Schema(name = "CaseStudy")
record CaseStudyView(String id, long version, String cityId, @JsonUnwrapped CaseStudyContent content,
        @Schema(description = "Whether the case study names a contact; `contact` itself is returned to signed-in callers only")
        boolean contactAvailable,
        CaseStudyStatus status, boolean bestPractice, List<String> awards, @Nullable LocalDate lastVerified,
        @Schema(description = "Published and last verified more than 24 months ago") boolean dueForReverification,
        boolean demo, Instant createdAt, Instant updatedAt) {

    static CaseStudyView of(CaseStudy study, LocalDate today, CurrentUser reader) {
        CaseStudyContent content = reader.isAnonymous() ? study.content().withoutContact() : study.content();
        return new CaseStudyView(study.id(), study.version(), study.cityId(), content, study.content().contact() != null,
                study.status(), study.bestPractice(), study.awards(), study.lastVerified(),
                study.dueForReverification(today), study.demo(), study.createdAt(), study.updatedAt());
    }
}
