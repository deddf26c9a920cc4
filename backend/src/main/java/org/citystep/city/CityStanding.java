package org.citystep.city;

import java.util.Map;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;

/**
 * What the search read model knows of a city, enough to compare it with another: its profile without
 * the long texts (vision, contacts, KPIs) and its validated levels. It trails MongoDB by up to a
 * second, so whatever is shown from it must be confirmed by {@link CityService#getAll}.
 */
public record CityStanding(String id, CityProfile profile, Map<Characteristic, MaturityLevel> levels) {

    public CityStanding {
        levels = Map.copyOf(levels);
    }
}
