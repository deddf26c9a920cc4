package org.citystep.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.city.AdministrativeLevel;
import org.citystep.city.CityProfile;
import org.citystep.city.Region;
import org.citystep.expert.Availability;
import org.citystep.expert.ExpertProfile;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.jspecify.annotations.Nullable;

/** The shape of {@code seed/pilot-cities.json}. */
record SeedFile(Map<String, String> note, List<SeedCity> cities, List<SeedExpert> experts) {

    record SeedCity(String id, Map<String, String> name, String country, Region region, @Nullable Long population,
            @Nullable Double areaKm2, CityProfile.@Nullable Coordinates coordinates,
            @Nullable AdministrativeLevel administrativeLevel, List<String> languages, Map<String, String> vision,
            Set<ServiceDomain> interests, List<CityProfile.Contact> contacts, List<CityProfile.Kpi> kpis,
            SeedAssessment assessment) {

        CityProfile profile() {
            return new CityProfile(name, country, region, population, areaKm2, coordinates, administrativeLevel,
                    languages, vision, interests, contacts, kpis);
        }
    }

    /**
     * @param levels      the level each rated characteristic is to show; the criteria are derived
     *                    from it (all criteria up to that level)
     * @param partialNext criteria of the next level already met, which do not raise the level
     * @param evidence    per characteristic, a short answer in English and Chinese
     */
    record SeedAssessment(LocalDate assessedAt, Map<Characteristic, MaturityLevel> levels,
            @Nullable Map<Characteristic, List<String>> partialNext,
            @Nullable Map<Characteristic, Map<String, String>> evidence) {
    }

    record SeedExpert(String id, String name, Map<String, String> affiliation, String country, Region region,
            List<String> languages, ExpertProfile.Expertise expertise, Map<String, String> bio,
            Availability availability, ExpertProfile.Contact contact, @Nullable String status) {

        ExpertProfile profile() {
            return new ExpertProfile(name, affiliation, country, region, languages, expertise, bio, availability,
                    contact);
        }
    }
}
