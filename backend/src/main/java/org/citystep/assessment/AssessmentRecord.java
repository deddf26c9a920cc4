package org.citystep.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.jspecify.annotations.Nullable;

/**
 * One round of a city's self-assessment as stored. {@code levels} is filled when it is validated,
 * so history keeps the levels as they were judged; {@code levelsAdopted} records that the city
 * profile carries them (a separate write, which the reconciler completes if it failed).
 * {@code reviewerId} is the expert assigned to (or who claimed) the round's review; it stays
 * through a return and a new submission, so the same expert sees the round through.
 */
record AssessmentRecord(int round, AssessmentStatus status, List<Answer> answers,
        @Nullable Map<Characteristic, MaturityLevel> levels, @Nullable LocalDate assessedAt, Instant createdAt,
        Instant updatedAt, List<ReviewNote> reviewNotes, boolean levelsAdopted, @Nullable String reviewerId) {

    AssessmentRecord {
        answers = List.copyOf(answers);
        reviewNotes = reviewNotes == null ? List.of() : List.copyOf(reviewNotes);
    }

    static AssessmentRecord draft(int round, List<Answer> answers, Instant now) {
        return new AssessmentRecord(round, AssessmentStatus.DRAFT, answers, null, null, now, now, List.of(), false, null);
    }

    AssessmentRecord withAnswers(List<Answer> changed, Instant now) {
        return new AssessmentRecord(round, status == AssessmentStatus.RETURNED ? AssessmentStatus.DRAFT : status,
                changed, levels, assessedAt, createdAt, now, reviewNotes, false, reviewerId);
    }

    AssessmentRecord moveTo(AssessmentStatus to, String by, @Nullable String note, Instant now) {
        List<ReviewNote> notes = new ArrayList<>(reviewNotes);
        notes.add(new ReviewNote(by, now, to, note));
        return new AssessmentRecord(round, to, answers, levels, assessedAt, createdAt, now, notes, false, reviewerId);
    }

    AssessmentRecord reviewedBy(String expertId, Instant now) {
        return new AssessmentRecord(round, status, answers, levels, assessedAt, createdAt, now, reviewNotes, false,
                expertId);
    }

    /** The characteristics this round answers. */
    List<Characteristic> answered() {
        return answers.stream().map(Answer::characteristic).sorted().toList();
    }

    AssessmentRecord validated(Map<Characteristic, MaturityLevel> judged, LocalDate on, String by,
            @Nullable String note, Instant now) {
        AssessmentRecord moved = moveTo(AssessmentStatus.VALIDATED, by, note, now);
        return new AssessmentRecord(round, AssessmentStatus.VALIDATED, answers, Map.copyOf(judged), on, createdAt, now,
                moved.reviewNotes(), false, reviewerId);
    }
}
