package org.citystep.casestudy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.citystep.casestudy.CaseStudy;
import org.citystep.casestudy.CaseStudyContent;
import org.citystep.casestudy.CaseStudyStatus;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.media.Schema;

/** A case study with its curation state; the content's fields appear at the top level. */
@Schema(name = "CaseStudy")
record CaseStudyView(String id, long version, String cityId, @JsonUnwrapped CaseStudyContent content,
        CaseStudyStatus status, boolean bestPractice, List<String> awards, @Nullable LocalDate lastVerified,
        @Schema(description = "Published and last verified more than 24 months ago") boolean dueForReverification,
        boolean demo, Instant createdAt, Instant updatedAt) {

    static CaseStudyView of(CaseStudy study, LocalDate today) {
        return new CaseStudyView(study.id(), study.version(), study.cityId(), study.content(), study.status(),
                study.bestPractice(), study.awards(), study.lastVerified(), study.dueForReverification(today),
                study.demo(), study.createdAt(), study.updatedAt());
    }
}
