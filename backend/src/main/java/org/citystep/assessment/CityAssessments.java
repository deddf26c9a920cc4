package org.citystep.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.shared.problem.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * All of one city's self-assessments in one document, so each step of the workflow (saving the
 * draft, submitting, validating, returning) is a single atomic write guarded by {@code version}.
 * Its size is bounded: a draft is at most one request body (256 KB) and history keeps the latest
 * {@value #MAX_HISTORY} rounds (cities assess about yearly), well under MongoDB's 16 MB. Reads of
 * the current assessment and of history pages project only what they return.
 */
@Document("assessments")
@org.springframework.data.mongodb.core.index.CompoundIndex(name = "levels_pending", def = "{'current.levelsAdopted': 1}")
class CityAssessments {

    static final int MAX_HISTORY = 30;

    @Id
    private final String cityId;
    @Version
    private @Nullable Long version;
    private @Nullable AssessmentRecord draft;
    private @Nullable AssessmentRecord current;
    private List<AssessmentRecord> history;

    @PersistenceCreator
    CityAssessments(String cityId, @Nullable Long version, @Nullable AssessmentRecord draft,
            @Nullable AssessmentRecord current, @Nullable List<AssessmentRecord> history) {
        this.cityId = cityId;
        this.version = version;
        this.draft = draft;
        this.current = current;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
    }

    static CityAssessments of(String cityId) {
        return new CityAssessments(cityId, null, null, null, null);
    }

    String cityId() {
        return cityId;
    }

    long version() {
        return version == null ? -1 : version;
    }

    boolean isNew() {
        return version == null;
    }

    @Nullable AssessmentRecord draft() {
        return draft;
    }

    @Nullable AssessmentRecord current() {
        return current;
    }

    List<AssessmentRecord> history() {
        return List.copyOf(history);
    }

    private int nextRound() {
        int latest = current == null ? 0 : current.round();
        return draft == null ? latest + 1 : draft.round();
    }

    void saveDraft(List<Answer> answers, Instant now) {
        if (draft == null) {
            draft = AssessmentRecord.draft(nextRound(), answers, now);
            return;
        }
        if (draft.status() == AssessmentStatus.SUBMITTED) {
            throw ApiException.conflict("assessment.awaitsReview");
        }
        draft = draft.withAnswers(answers, now);
    }

    void submit(String by, Instant now) {
        AssessmentRecord working = requireDraft();
        if (working.status() == AssessmentStatus.SUBMITTED) {
            throw ApiException.conflict("assessment.submittedAlready");
        }
        if (working.answers().isEmpty()) {
            throw ApiException.conflict("assessment.nothingAnswered");
        }
        draft = working.moveTo(AssessmentStatus.SUBMITTED, by, null, now);
    }

    void returnForChanges(String by, String note, Instant now) {
        AssessmentRecord working = requireSubmitted();
        draft = working.moveTo(AssessmentStatus.RETURNED, by, note, now);
    }

    /** A curator assigns the submitted draft's review to an expert (or moves it to another one). */
    void assign(String expertId, Instant now) {
        draft = requireSubmitted().reviewedBy(expertId, now);
    }

    /** An expert takes on the submitted draft's review, unless another expert has it. */
    void claim(String expertId, Instant now) {
        AssessmentRecord working = requireSubmitted();
        if (working.reviewerId() != null && !working.reviewerId().equals(expertId)) {
            throw ApiException.conflict("assessment.assignedAlready", working.reviewerId());
        }
        draft = working.reviewedBy(expertId, now);
    }

    /**
     * Makes the submitted draft the current assessment, with the levels its answers show; the
     * previous one goes to history.
     */
    void validate(Function<List<Answer>, Map<Characteristic, MaturityLevel>> levelsOf, LocalDate on, String by,
            @Nullable String note, Instant now) {
        AssessmentRecord working = requireSubmitted();
        adopt(working.validated(levelsOf.apply(working.answers()), on, by, note, now));
        draft = null;
    }

    /** Records an assessment validated elsewhere (the demo data set) as the current one. */
    void adopt(AssessmentRecord validated) {
        if (current != null) {
            history.add(0, current);
            if (history.size() > MAX_HISTORY) {
                history.remove(history.size() - 1);
            }
        }
        current = validated;
    }

    private AssessmentRecord requireDraft() {
        if (draft == null) {
            throw ApiException.conflict("assessment.noDraft");
        }
        return draft;
    }

    private AssessmentRecord requireSubmitted() {
        AssessmentRecord working = requireDraft();
        if (working.status() != AssessmentStatus.SUBMITTED) {
            throw ApiException.conflict("assessment.notSubmitted",
                    new org.citystep.shared.i18n.MessageRef("assessment.status." + working.status().name()));
        }
        return working;
    }
}
