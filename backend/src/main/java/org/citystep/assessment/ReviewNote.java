package org.citystep.assessment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One step of an assessment's review: who did what, when, and why. */
public record ReviewNote(String by, Instant at, AssessmentStatus to, @Nullable String note) {
}
