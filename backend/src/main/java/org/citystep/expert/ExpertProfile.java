package org.citystep.expert;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.citystep.city.Region;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.citystep.reference.ServiceDomain;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the expert database says about an expert.
 *
 * @param affiliation organisation per language
 * @param languages   language tags the expert works in
 * @param bio         short biography per language
 * @param contact     shown to signed-in users only
 */
public record ExpertProfile(String name, Map<String, String> affiliation, String country, Region region,
        List<String> languages, Expertise expertise, Map<String, String> bio, Availability availability,
        Contact contact) {

    public ExpertProfile {
        affiliation = affiliation == null ? Map.of() : Map.copyOf(affiliation);
        languages = languages == null ? List.of() : List.copyOf(languages);
        bio = bio == null ? Map.of() : Map.copyOf(bio);
    }

    /**
     * @param levels per characteristic of {@code characteristics}, the highest level of maturity the
     *               expert advises on (absent: any level)
     */
    @Schema(name = "Expertise", example = "{\"characteristics\": [\"FUNDING\", \"BUSINESS_MODELS\"], \"serviceDomains\": [\"TRANSPORTATION\"], \"levels\": {\"FUNDING\": \"MORE_ADVANCED\"}}")
    public record Expertise(Set<Characteristic> characteristics, Set<ServiceDomain> serviceDomains,
            Map<Characteristic, MaturityLevel> levels) {
        public Expertise {
            characteristics = characteristics == null ? Set.of() : Set.copyOf(characteristics);
            serviceDomains = serviceDomains == null ? Set.of() : Set.copyOf(serviceDomains);
            levels = levels == null ? Map.of() : Map.copyOf(levels);
        }

        public Expertise(Set<Characteristic> characteristics, Set<ServiceDomain> serviceDomains) {
            this(characteristics, serviceDomains, Map.of());
        }
    }

    @Schema(name = "ExpertContact", example = "{\"email\": \"m.example@example.org\", \"phone\": \"+31 20 555 0100\"}")
    public record Contact(@Nullable String email, @Nullable String phone) {
    }
}
