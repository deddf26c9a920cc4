package org.citystep.assessment;

import java.time.Instant;
import java.util.List;

import org.citystep.reference.Characteristic;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One assessment in review, keyed by its city: the review queue. It holds only the rounds between
 * submission and validation (a handful at any time, however many cities there are), so listing it
 * never reads the assessments themselves. Written after each step of the assessment it mirrors;
 * the assessment stays the source of truth for who may act.
 *
 * @param expertId        the assigned expert; {@code null} while nobody reviews it
 * @param characteristics the characteristics the round answers (what a reviewer needs expertise in)
 * @param version         the assessment's version when the entry was written: what an expert who
 *                        may not read the draft yet sends to claim it
 */
@Document("reviews")
record ReviewEntry(@Id String cityId, int round, ReviewStatus status, @Nullable String expertId,
        List<Characteristic> characteristics, Instant submittedAt, Instant updatedAt, long version) {

    ReviewEntry {
        characteristics = List.copyOf(characteristics);
    }

    static ReviewEntry of(String cityId, long version, AssessmentRecord draft, @Nullable ReviewEntry before,
            Instant now) {
        ReviewStatus status = switch (draft.status()) {
            case SUBMITTED -> draft.reviewerId() == null ? ReviewStatus.SUBMITTED : ReviewStatus.ASSIGNED;
            default -> ReviewStatus.RETURNED;
        };
        Instant submittedAt = draft.status() == AssessmentStatus.SUBMITTED && before != null
                && before.status() != ReviewStatus.RETURNED ? before.submittedAt() : now;
        return new ReviewEntry(cityId, draft.round(), status, draft.reviewerId(), draft.answered(), submittedAt, now,
                version);
    }
}
