package org.citystep.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A self-assessment as the API shows it: every characteristic with its level, the criteria met
 * and the evidence.
 *
 * @param version     the version to send back with the next write (drafts only)
 * @param reviewNotes the review steps (drafts only: who submitted, returned, and why)
 * @param reviewer    the expert assigned to review the draft (drafts only, once assigned)
 */
@Schema(name = "Assessment", example = "{\"cityId\": \"chengdu\", \"status\": \"VALIDATED\", \"round\": 1, "
        + "\"assessedAt\": \"2014-03-20\", \"updatedAt\": \"2026-11-29T12:00:00Z\", \"characteristics\": [{"
        + "\"characteristic\": \"FUNDING\", \"level\": \"AVERAGE\", \"criteriaMet\": [\"FUNDING.AVERAGE.1\", "
        + "\"FUNDING.BASIC.1\", \"FUNDING.BASIC.2\"], \"evidence\": {\"answers\": {\"FUNDING.Q1\": "
        + "\"Municipal budget and provincial pilot funds.\"}, \"links\": []}}]}")
public record AssessmentView(String cityId, AssessmentStatus status, int round, @Nullable LocalDate assessedAt,
        Instant updatedAt, List<CharacteristicView> characteristics, @Nullable Long version,
        @Nullable List<ReviewNote> reviewNotes, @Nullable Reviewer reviewer) {

    public AssessmentView(String cityId, AssessmentStatus status, int round, @Nullable LocalDate assessedAt,
            Instant updatedAt, List<CharacteristicView> characteristics, @Nullable Long version,
            @Nullable List<ReviewNote> reviewNotes) {
        this(cityId, status, round, assessedAt, updatedAt, characteristics, version, reviewNotes, null);
    }

    public AssessmentView withReviewer(Reviewer assigned) {
        return new AssessmentView(cityId, status, round, assessedAt, updatedAt, characteristics, version, reviewNotes,
                assigned);
    }

    /** The expert who reviews a submitted draft. */
    @Schema(name = "AssessmentReviewer")
    public record Reviewer(String expertId, String name) {
    }

    /**
     * @param level    derived from the criteria; {@code NOT_ASSESSED} when unanswered; absent for the
     *                 unrated legal and regulatory characteristic
     * @param evidence answers to the Annex 1 questions and supporting links
     */
    @Schema(name = "AssessedCharacteristic")
    public record CharacteristicView(Characteristic characteristic, @Nullable MaturityLevel level,
            Set<String> criteriaMet, Evidence evidence) {
    }

    public record Evidence(Map<String, String> answers, List<String> links) {
    }
}
