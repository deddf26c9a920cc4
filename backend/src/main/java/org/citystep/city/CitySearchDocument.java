package org.citystep.city;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.citystep.shared.language.LanguageTags;
import org.jspecify.annotations.Nullable;

/**
 * What the search read model holds of a city; shaped by {@code city/search-mapping.json}. Beside
 * the searchable names it carries what peers are found and ranked by — the validated level of each
 * characteristic, interests, administrative level, languages — so matching asks the index, not a
 * scan of every city.
 */
record CitySearchDocument(String type, Map<String, String> title, String region, String country,
        @Nullable Long population, List<String> suggest, Map<String, String> levels, boolean assessed,
        List<String> interests, @Nullable String administrativeLevel, List<String> languages, String cityId) {

    static final String INDEX = CityService.SEARCH_INDEX;
    static final String TYPE = "city";

    static CitySearchDocument of(City city) {
        CityProfile p = city.profile();
        Map<String, String> levels = new LinkedHashMap<>();
        city.levels().forEach((characteristic, level) -> levels.put(characteristic.name(), level.name()));
        return new CitySearchDocument(TYPE, p.name(), p.region().name(), p.country(), p.population(),
                org.citystep.search.SuggestInputs.of(p.name().values()), levels, city.assessedAt() != null,
                p.interests().stream().map(Enum::name).sorted().toList(),
                p.administrativeLevel() == null ? null : p.administrativeLevel().name(),
                LanguageTags.primaries(p.languages()), city.id());
    }
}
