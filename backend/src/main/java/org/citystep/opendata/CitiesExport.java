package org.citystep.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.citystep.city.City;
import org.citystep.city.CityProfile;
import org.citystep.city.CityService;
import org.citystep.reference.Characteristic;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * The cities shown on the platform: profile facts and their current validated level per
 * characteristic (one CSV column per characteristic, {@code level_<CHARACTERISTIC>}). Never the
 * contact points of a city's office; retired and hidden cities are left out.
 */
@Component
class CitiesExport implements DatasetExport {

    private static final List<String> COLUMNS = Stream.concat(Stream.of("id", "name_en", "name_zh", "country",
            "region", "population", "area_km2", "latitude", "longitude", "administrative_level", "languages", "interests",
            "assessed_at", "assessment_round"),
            Stream.concat(Characteristic.ratedOnes().stream().map(c -> "level_" + c.name()),
                    Stream.of("updated_at", "url"))).toList();

    private final CityService cities;

    CitiesExport(CityService cities) {
        this.cities = cities;
    }

    @Override
    public Dataset dataset() {
        return Dataset.CITIES;
    }

    @Override
    public List<String> csvColumns() {
        return COLUMNS;
    }

    @Override
    public Flux<ExportRow> rows(@Nullable Instant since) {
        return cities.shown(since).map(CitiesExport::row);
    }

    static ExportRow row(City city) {
        CityProfile profile = city.profile();
        Map<String, String> levels = new LinkedHashMap<>();
        city.levels().forEach((characteristic, level) -> levels.put(characteristic.name(), level.name()));
        Map<String, @Nullable Object> json = new LinkedHashMap<>();
        json.put("id", city.id());
        json.put("name", profile.name());
        json.put("country", profile.country());
        json.put("region", profile.region().name());
        json.put("population", profile.population());
        json.put("areaKm2", profile.areaKm2());
        json.put("coordinates", profile.coordinates() == null ? null
                : Map.of("latitude", profile.coordinates().latitude(), "longitude", profile.coordinates().longitude()));
        json.put("administrativeLevel", profile.administrativeLevel() == null ? null : profile.administrativeLevel().name());
        json.put("languages", profile.languages());
        json.put("vision", profile.vision());
        json.put("interests", profile.interests().stream().map(Enum::name).sorted().toList());
        json.put("levels", levels);
        json.put("assessedAt", Flat.date(city.assessedAt()));
        json.put("assessmentRound", city.assessmentRound());
        json.put("updatedAt", Flat.instant(city.updatedAt()));
        json.put("url", "/cities/" + city.id());
        List<@Nullable Object> csv = new ArrayList<>(Arrays.asList(city.id(), Flat.text(profile.name(), "en"),
                Flat.text(profile.name(), "zh"), profile.country(), profile.region().name(), profile.population(),
                profile.areaKm2(), profile.coordinates() == null ? null : profile.coordinates().latitude(),
                profile.coordinates() == null ? null : profile.coordinates().longitude(),
                profile.administrativeLevel() == null ? null : profile.administrativeLevel().name(),
                Flat.list(profile.languages()), Flat.sortedList(profile.interests()), Flat.date(city.assessedAt()),
                city.assessmentRound()));
        for (Characteristic characteristic : Characteristic.ratedOnes()) {
            csv.add(city.levels().get(characteristic) == null ? null : city.levels().get(characteristic).name());
        }
        csv.add(Flat.instant(city.updatedAt()));
        csv.add("/cities/" + city.id());
        return new ExportRow(json, csv, city.updatedAt());
    }
}
