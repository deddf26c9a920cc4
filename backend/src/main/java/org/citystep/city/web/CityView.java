package org.citystep.city.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.city.AdministrativeLevel;
import org.citystep.city.City;
import org.citystep.city.CityProfile;
import org.citystep.city.ExchangeCredits;
import org.citystep.city.Region;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "City")
record CityView(
        @Schema(example = "amsterdam") String id,
        @Schema(description = "Send it back with an update", example = "0") long version,
        @Schema(example = "{\"en\": \"Amsterdam\", \"zh\": \"阿姆斯特丹\"}") Map<String, String> name,
        @Schema(example = "NL") String country,
        Region region,
        @Nullable Long population,
        @Nullable Double areaKm2,
        CityProfile.@Nullable Coordinates coordinates,
        @Nullable AdministrativeLevel administrativeLevel,
        List<String> languages,
        Map<String, String> vision,
        Set<ServiceDomain> interests,
        List<CityProfile.Contact> contacts,
        List<CityProfile.Kpi> kpis,
        @Schema(description = "True for the demo data set: not an official profile") boolean demo,
        @Schema(description = "Level per rated characteristic in the current validated self-assessment")
        Map<Characteristic, MaturityLevel> levels,
        @Nullable LocalDate assessedAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Knowledge exchanges after which this city, or the city it helped, climbed the step "
                + "(one city's read only)") @Nullable ExchangeCredits exchangeCredits) {

    static CityView of(City city) {
        return of(city, null);
    }

    static CityView of(City city, @Nullable ExchangeCredits credits) {
        var p = city.profile();
        return new CityView(city.id(), city.version(), p.name(), p.country(), p.region(), p.population(), p.areaKm2(),
                p.coordinates(), p.administrativeLevel(), p.languages(), p.vision(), p.interests(), p.contacts(),
                p.kpis(), city.demo(), city.levels(), city.assessedAt(), city.createdAt(), city.updatedAt(), credits);
    }
}
