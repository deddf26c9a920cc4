package org.citystep.assessment.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.assessment.Answer;
import org.citystep.assessment.ReviewNote;
import org.citystep.reference.Characteristic;
import org.citystep.shared.validation.NoMarkup;
import org.citystep.shared.validation.Slug;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies of the self-assessment endpoints. */
final class AssessmentRequests {

    private AssessmentRequests() {
    }

    @Schema(name = "AssessmentDraft", description = "The whole draft: characteristics left out are not assessed. "
            + "Read-only fields of the Assessment representation are accepted and ignored.",
            example = "{\"version\": 3, \"characteristics\": [{\"characteristic\": \"FUNDING\", "
                    + "\"criteriaMet\": [\"FUNDING.BASIC.1\", \"FUNDING.BASIC.2\", \"FUNDING.AVERAGE.1\"], "
                    + "\"evidence\": {\"answers\": {\"FUNDING.Q1\": \"Municipal budget and an EU grant.\"}, "
                    + "\"links\": [\"https://smartcity.example/funding\"]}}]}")
    record Draft(
            @Schema(description = "The draft's version as read; omit only for a city's first draft")
            @Nullable @PositiveOrZero Long version,
            @NotNull @Size(max = 9) List<@Valid @NotNull CharacteristicInput> characteristics,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable String cityId,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable String status,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Integer round,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable String assessedAt,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable String updatedAt,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable List<ReviewNote> reviewNotes) {

        List<Answer> answers() {
            return characteristics.stream()
                    // a characteristic sent back from GET with nothing in it stays unanswered
                    .filter(c -> !c.isEmpty())
                    .map(CharacteristicInput::toAnswer).toList();
        }
    }

    @Schema(name = "AssessedCharacteristicInput")
    record CharacteristicInput(
            @NotNull Characteristic characteristic,
            @Schema(description = "Codes of the Annex 2 criteria met, e.g. FUNDING.AVERAGE.1")
            @Nullable @Size(max = 40) Set<@NotNull @Pattern(regexp = "[A-Z_]+\\.[A-Z_]+\\.[0-9]{1,2}") String> criteriaMet,
            @Nullable @Valid EvidenceInput evidence,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable String level) {

        boolean isEmpty() {
            return (criteriaMet == null || criteriaMet.isEmpty()) && (evidence == null || evidence.isEmpty());
        }

        Answer toAnswer() {
            return new Answer(characteristic, criteriaMet, evidence == null ? null : evidence.answers(),
                    evidence == null ? null : evidence.links());
        }
    }

    @Schema(name = "EvidenceInput")
    record EvidenceInput(
            @Schema(description = "Answers to the Annex 1 questions by question code, e.g. STRATEGY.Q1")
            @Nullable @Size(max = 20)
            Map<@Pattern(regexp = "[A-Z_]+\\.Q[0-9]{1,2}") String, @NotBlank @Size(max = 4000) @NoMarkup String> answers,
            @Nullable @Size(max = 10) List<@NotNull @Pattern(regexp = "https?://[^\\s<>\"]{3,490}") String> links) {

        boolean isEmpty() {
            return (answers == null || answers.isEmpty()) && (links == null || links.isEmpty());
        }
    }

    @Schema(name = "AssessmentStep", example = "{\"version\": 4, \"note\": \"Evidence checked against the city's budget.\"}")
    record Step(@NotNull @PositiveOrZero Long version, @Nullable @Size(max = 2000) @NoMarkup String note) {
    }

    @Schema(name = "AssessmentAssignment", example = "{\"version\": 4, \"expertId\": \"demo-expert\"}")
    record Assignment(@NotNull @PositiveOrZero Long version, @NotNull @Slug String expertId) {
    }

    @Schema(name = "AssessmentClaim", example = "{\"version\": 4}")
    record Claim(@NotNull @PositiveOrZero Long version) {
    }

    @Schema(name = "AssessmentReturn", example = "{\"version\": 4, \"note\": \"Please add the funding plan for the roll-out.\"}")
    record Return(@NotNull @PositiveOrZero Long version, @NotBlank @Size(max = 2000) @NoMarkup String note) {
    }
}
