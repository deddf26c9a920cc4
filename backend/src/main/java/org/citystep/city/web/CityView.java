package org.citystep.city.web;

import java.time.Instant;
import java.util.Map;

import org.citystep.city.City;
import org.citystep.city.Region;
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
        Instant createdAt,
        Instant updatedAt) {

    static CityView of(City city) {
        var p = city.profile();
        return new CityView(city.id(), city.version(), p.name(), p.country(), p.region(), p.population(),
                city.createdAt(), city.updatedAt());
    }
}
