package org.citystep.city.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.city.AdministrativeLevel;
import org.citystep.city.CityProfile;
import org.citystep.city.Region;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.citystep.shared.validation.HasText;
import org.citystep.shared.validation.PlainText;
import org.citystep.shared.validation.Slug;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A city as clients send it: for {@code POST} a new city (without an id, one is derived from the
 * English name); for {@code PUT} the representation {@code GET} returned, changed, with the
 * {@code version} read. Read-only fields ({@code demo}, {@code levels}, {@code assessedAt},
 * {@code createdAt}, {@code updatedAt}, {@code exchangeCredits}, and {@code id} on PUT) are accepted and ignored, so a
 * read-modify-write round trip works.
 */
@Schema(name = "CityInput", example = "{\"id\": \"amsterdam\", \"version\": 2, \"name\": {\"en\": \"Amsterdam\", "
        + "\"zh\": \"阿姆斯特丹\", \"nl\": \"Amsterdam\"}, \"country\": \"NL\", \"region\": \"EU\", \"population\": 918000, "
        + "\"areaKm2\": 219.3, \"coordinates\": {\"latitude\": 52.37, \"longitude\": 4.9}, "
        + "\"administrativeLevel\": \"MUNICIPALITY\", \"languages\": [\"nl\", \"en\"], \"vision\": {\"en\": "
        + "\"A liveable, open and circular city.\"}, \"interests\": [\"OPEN_DATA\", \"TRANSPORTATION\"]}")
record CityInput(
        @Schema(example = "amsterdam", description = "Slug id; on PUT it must be absent or equal the path's")
        @Nullable @Slug String id,
        @Schema(description = "Required on PUT: the version that was read; a stale one answers 409", example = "3")
        @Nullable @PositiveOrZero Long version,
        @Schema(example = "{\"en\": \"Amsterdam\", \"zh\": \"阿姆斯特丹\", \"nl\": \"Amsterdam\"}")
        @NotEmpty @HasText @Size(max = 20)
        Map<@Pattern(regexp = CityProfile.LANGUAGE_TAG) String, @NotBlank @Size(max = 200) @PlainText String> name,
        @Schema(example = "NL", description = "ISO 3166-1 alpha-2") @NotNull @Pattern(regexp = COUNTRY_CODE) String country,
        @Schema(example = "EU") @NotNull Region region,
        @Schema(example = "918000") @Nullable @PositiveOrZero @Max(100_000_000) Long population,
        @Schema(example = "219.3") @Nullable @DecimalMin("0.0") @DecimalMax("100000") Double areaKm2,
        @Valid CityProfile.@Nullable Coordinates coordinates,
        @Nullable AdministrativeLevel administrativeLevel,
        @Schema(example = "[\"nl\", \"en\"]") @Nullable @Size(max = 10)
        List<@NotNull @Pattern(regexp = CityProfile.LANGUAGE_TAG) String> languages,
        @Nullable @Size(max = 10)
        Map<@Pattern(regexp = CityProfile.LANGUAGE_TAG) String, @NotBlank @Size(max = 2000) @PlainText String> vision,
        @Schema(description = "Service domains the city works on or plans") @Nullable @Size(max = 16) Set<@NotNull ServiceDomain> interests,
        @Nullable @Size(max = 10) List<CityProfile.@NotNull @Valid Contact> contacts,
        @Nullable @Size(max = 50) List<CityProfile.@NotNull @Valid Kpi> kpis,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Boolean demo,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Map<Characteristic, MaturityLevel> levels,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable LocalDate assessedAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Instant createdAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Instant updatedAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) org.citystep.city.@Nullable ExchangeCredits exchangeCredits) {

    static final String COUNTRY_CODE = "[A-Z]{2}";

    CityProfile profile() {
        return new CityProfile(name, country, region, population, areaKm2, coordinates, administrativeLevel,
                languages, vision, interests, contacts, kpis);
    }
}
