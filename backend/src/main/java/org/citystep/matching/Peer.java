package org.citystep.matching;

import java.util.Map;

import org.citystep.city.City;
import org.citystep.city.CityProfile;
import org.citystep.city.CityStanding;
import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;

/** What ranking needs of a city: who it is and where it stands on each characteristic. */
record Peer(String id, CityProfile profile, Map<Characteristic, MaturityLevel> levels) {

    Peer {
        levels = Map.copyOf(levels);
    }

    static Peer of(City city) {
        return new Peer(city.id(), city.profile(), city.levels());
    }

    static Peer of(CityStanding city) {
        return new Peer(city.id(), city.profile(), city.levels());
    }

    MaturityLevel level(Characteristic characteristic) {
        return levels.getOrDefault(characteristic, MaturityLevel.NOT_ASSESSED);
    }
}
