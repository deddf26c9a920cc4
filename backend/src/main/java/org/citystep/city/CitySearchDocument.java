package org.citystep.city;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** What the search read model holds of a city; shaped by {@code city/search-mapping.json}. */
record CitySearchDocument(String type, Map<String, String> title, String region, String country,
        @Nullable Long population, List<String> suggest) {

    static final String INDEX = "cities";
    static final String TYPE = "city";

    static CitySearchDocument of(City city) {
        CityProfile p = city.profile();
        return new CitySearchDocument(TYPE, p.name(), p.region().name(), p.country(), p.population(),
                p.name().values().stream().distinct().toList());
    }
}
