package org.citystep.casestudy;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One step of a case study's curation: who moved it from where to where, when, and why. */
public record AuditEntry(String by, Instant at, @Nullable CaseStudyStatus from, CaseStudyStatus to,
        @Nullable String note) {
}
