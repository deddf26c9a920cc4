package org.citystep.city;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The editable facts of a city.
 *
 * @param name       the city's name per language tag ({@code en} required, e.g. {@code zh} too)
 * @param country    ISO 3166-1 alpha-2 code
 * @param region     world region
 * @param population inhabitants, when known
 */
public record CityProfile(Map<String, String> name, String country, Region region, @Nullable Long population) {

    public CityProfile {
        name = Map.copyOf(name);
    }

    public String englishName() {
        return name.get("en");
    }
}
