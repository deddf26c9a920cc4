package org.citystep.glossary.web;

import java.time.Instant;
import java.util.List;

import org.citystep.glossary.GlossaryCategory;
import org.citystep.glossary.GlossaryService;
import org.citystep.shared.validation.PlainText;
import org.citystep.shared.validation.Slug;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A glossary term as clients send it: on {@code POST} a new one (the id derived from the first
 * English term unless given), on {@code PUT} what {@code GET} returned, changed, with its
 * {@code version}. Both languages are required: a term carries a search from one to the other.
 */
@Schema(name = "GlossaryTermInput", example = "{\"category\": \"VOCABULARY\", \"en\": [\"parking\", \"car park\"], "
        + "\"zh\": [\"停车\", \"停车场\"]}")
record GlossaryInput(
        @Schema(example = "parking") @Nullable @Slug String id,
        @Schema(description = "Required on PUT") @Nullable @PositiveOrZero Long version,
        @NotNull GlossaryCategory category,
        @Schema(description = "The reference code the term names; none for VOCABULARY", example = "TRANSPORTATION")
        @Nullable @Pattern(regexp = "[A-Z0-9_]{2,60}") String code,
        @Schema(description = "English terms, the preferred one first")
        @NotEmpty @Size(max = 8) List<@NotBlank @Size(max = 60) @PlainText String> en,
        @Schema(description = "Chinese terms, the preferred one first")
        @NotEmpty @Size(max = 8) List<@NotBlank @Size(max = 60) @PlainText String> zh,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Instant updatedAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable String updatedBy) {

    GlossaryService.Content content() {
        return new GlossaryService.Content(category, code, en.stream().map(String::strip).distinct().toList(),
                zh.stream().map(String::strip).distinct().toList());
    }
}
