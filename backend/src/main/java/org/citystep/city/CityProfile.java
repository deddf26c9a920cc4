package org.citystep.city;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.reference.ServiceDomain;
import org.citystep.shared.validation.HasText;
import org.citystep.shared.validation.PlainText;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The editable facts of a city.
 *
 * @param name                the city's name per language tag ({@code en} required)
 * @param country             ISO 3166-1 alpha-2 code
 * @param region              world region
 * @param population          inhabitants, when known
 * @param areaKm2             area in square kilometres, when known
 * @param coordinates         where the city is, when known
 * @param administrativeLevel what kind of administrative unit it is
 * @param languages           language tags the city works in
 * @param vision              its smart-city vision per language
 * @param interests           service domains it is working on or planning
 * @param contacts            public contact points of its smart-city office
 * @param kpis                key performance indicators it reports
 */
public record CityProfile(Map<String, String> name, String country, Region region, @Nullable Long population,
        @Nullable Double areaKm2, @Nullable Coordinates coordinates, @Nullable AdministrativeLevel administrativeLevel,
        List<String> languages, Map<String, String> vision, Set<ServiceDomain> interests, List<Contact> contacts,
        List<Kpi> kpis) {

    public CityProfile {
        name = Map.copyOf(name);
        languages = languages == null ? List.of() : List.copyOf(languages);
        vision = vision == null ? Map.of() : Map.copyOf(vision);
        interests = interests == null ? Set.of() : Set.copyOf(interests);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        kpis = kpis == null ? List.of() : List.copyOf(kpis);
    }

    /** A profile with only the required facts. */
    public static CityProfile of(Map<String, String> name, String country, Region region, @Nullable Long population) {
        return new CityProfile(name, country, region, population, null, null, null, List.of(), Map.of(), Set.of(),
                List.of(), List.of());
    }

    /** The name to show where one must be chosen: English if there is one, else Chinese. */
    public String displayName() {
        return name.getOrDefault("en", name.getOrDefault("zh", name.values().stream().findFirst().orElse("")));
    }

    public record Coordinates(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    /**
     * @param role per language, e.g. "Smart City Office"
     */
    @Schema(name = "CityContact", example = "{\"name\": \"Smart City Office\", \"role\": {\"en\": \"Programme office\", \"zh\": \"项目办公室\"}, \"email\": \"smartcity@amsterdam.example\"}")
    public record Contact(@NotBlank @Size(max = 200) @PlainText String name,
            @Size(max = 10) Map<@Pattern(regexp = LANGUAGE_TAG) String, @NotBlank @Size(max = 200) @PlainText String> role,
            @Nullable @Email @Size(max = 254) String email,
            @Nullable @Pattern(regexp = "[+0-9 ()./-]{3,40}") String phone) {
    }

    /**
     * @param indicatorCode e.g. {@code ISO 37120:2018 18.1} or a U4SSC indicator id, when one exists
     * @param name          what is measured, per language
     */
    @Schema(name = "CityKpi", example = "{\"indicatorCode\": \"ISO 37120:2014 18.1\", \"name\": {\"en\": \"Households with broadband\", \"zh\": \"宽带家庭普及率\"}, \"value\": 93.5, \"unit\": \"%\", \"year\": 2013, \"source\": \"demo estimate\"}")
    public record Kpi(@Nullable @Size(max = 60) @PlainText String indicatorCode,
            @NotEmpty @HasText @Size(max = 10) Map<@Pattern(regexp = LANGUAGE_TAG) String, @NotBlank @Size(max = 300) @PlainText String> name,
            @NotNull @DecimalMin("-1e15") @DecimalMax("1e15") Double value,
            @NotBlank @Size(max = 40) @PlainText String unit, @NotNull @Min(1900) @Max(2100) Integer year,
            @Nullable @Size(max = 300) @PlainText String source) {
    }

    /** A BCP 47 language tag such as {@code en}, {@code zh} or {@code zh-Hant}. */
    public static final String LANGUAGE_TAG = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?";
}
