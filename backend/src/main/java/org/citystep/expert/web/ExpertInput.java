package org.citystep.expert.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.city.Region;
import org.citystep.expert.Availability;
import org.citystep.expert.ExpertProfile;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.citystep.shared.validation.HasText;
import org.citystep.shared.validation.NoMarkup;
import org.citystep.shared.validation.PlainText;
import org.citystep.shared.validation.Slug;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An expert as clients send it: on {@code POST} a new one (with its slug id), on {@code PUT} the
 * representation {@code GET} returned, changed, with the {@code version} read. Read-only fields are
 * accepted and ignored.
 */
@Schema(name = "ExpertInput", example = "{\"id\": \"li-wei\", \"name\": \"Li Wei\", \"affiliation\": {\"en\": "
        + "\"Tongji University\", \"zh\": \"同济大学\"}, \"country\": \"CN\", \"region\": \"CHINA\", "
        + "\"languages\": [\"zh\", \"en\"], \"expertise\": {\"characteristics\": [\"GOVERNANCE\"], "
        + "\"serviceDomains\": [\"OPEN_DATA\"]}, \"bio\": {\"en\": \"Urban informatics researcher.\"}, "
        + "\"availability\": \"AVAILABLE\", \"contact\": {\"email\": \"li.wei@example.org\"}}")
record ExpertInput(
        @Schema(example = "li-wei") @Nullable @Slug String id,
        @Schema(description = "Required on PUT") @Nullable @PositiveOrZero Long version,
        @NotBlank @Size(max = 200) @PlainText String name,
        @Nullable @HasText @Size(max = 10) Map<@Pattern(regexp = LANGUAGE_TAG) String, @NotBlank @Size(max = 300) @PlainText String> affiliation,
        @NotNull @Pattern(regexp = "[A-Z]{2}") String country,
        @NotNull Region region,
        @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = LANGUAGE_TAG) String> languages,
        @NotNull @Valid ExpertiseInput expertise,
        @Nullable @HasText @Size(max = 10) Map<@Pattern(regexp = LANGUAGE_TAG) String, @NotBlank @Size(max = 4000) @NoMarkup String> bio,
        @NotNull Availability availability,
        @Nullable @Valid ContactInput contact,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable String status,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Boolean demo,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Instant createdAt,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Instant updatedAt) {

    static final String LANGUAGE_TAG = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?";

    record ExpertiseInput(@NotEmpty @Size(max = 9) Set<@NotNull Characteristic> characteristics,
            @Nullable @Size(max = 16) Set<@NotNull ServiceDomain> serviceDomains,
            @Schema(description = "Per characteristic of the expertise, the highest level the expert advises on")
            @Nullable @Size(max = 9) Map<@NotNull Characteristic, @NotNull MaturityLevel> levels) {
    }

    @Schema(name = "ExpertContactInput")
    record ContactInput(@Nullable @Email @Size(max = 254) String email,
            @Nullable @Pattern(regexp = "[+0-9 ()./-]{3,40}") String phone) {
    }

    ExpertProfile profile() {
        return new ExpertProfile(name, affiliation, country, region, languages,
                new ExpertProfile.Expertise(expertise.characteristics(), expertise.serviceDomains(), expertise.levels()), bio, availability,
                contact == null ? new ExpertProfile.Contact(null, null)
                        : new ExpertProfile.Contact(contact.email(), contact.phone()));
    }
}
