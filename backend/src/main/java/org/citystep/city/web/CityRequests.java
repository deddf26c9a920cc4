package org.citystep.city.web;

import java.time.Instant;
import java.util.Map;

import org.citystep.city.CityProfile;
import org.citystep.city.Region;
import org.citystep.shared.validation.HasEnglish;
import org.citystep.shared.validation.PlainText;
import org.citystep.shared.validation.Slug;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies of the city endpoints; validated before anything is read or written. */
final class CityRequests {

    static final String LANGUAGE_TAG = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?";
    static final String COUNTRY_CODE = "[A-Z]{2}";

    private CityRequests() {
    }

    @Schema(name = "CityCreate", description = "A new city. Without an id, one is derived from the English name.")
    record Create(
            @Schema(example = "amsterdam") @Nullable @Slug String id,
            @Schema(example = "{\"en\": \"Amsterdam\", \"zh\": \"阿姆斯特丹\"}")
            @NotEmpty @HasEnglish @Size(max = 20) Map<@Pattern(regexp = LANGUAGE_TAG) String, @NotBlank @Size(max = 200) @PlainText String> name,
            @Schema(example = "NL") @NotNull @Pattern(regexp = COUNTRY_CODE) String country,
            @Schema(example = "EU") @NotNull Region region,
            @Schema(example = "918000") @Nullable @PositiveOrZero @Max(100_000_000) Long population) {

        CityProfile profile() {
            return new CityProfile(name, country, region, population);
        }
    }

    /**
     * The representation {@code GET} returns, sent back with its changes: {@code version} must be the
     * one read; {@code id}, {@code createdAt} and {@code updatedAt} are read-only and ignored.
     */
    @Schema(name = "CityUpdate")
    record Update(
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable String id,
            @Schema(description = "The version that was read; a stale one answers 409", example = "3")
            @NotNull @PositiveOrZero Long version,
            @NotEmpty @HasEnglish @Size(max = 20) Map<@Pattern(regexp = LANGUAGE_TAG) String, @NotBlank @Size(max = 200) @PlainText String> name,
            @NotNull @Pattern(regexp = COUNTRY_CODE) String country,
            @NotNull Region region,
            @Nullable @PositiveOrZero @Max(100_000_000) Long population,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Instant createdAt,
            @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Instant updatedAt) {

        CityProfile profile() {
            return new CityProfile(name, country, region, population);
        }
    }
}
