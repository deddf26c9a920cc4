package org.citystep.city;

/**
 * Why a city is hidden. A city without a state is shown everywhere; a retired or deleting one is
 * kept in MongoDB but left out of lists, search, matching, reports and cluster suggestions.
 */
public enum CityState {
    /** Hidden, kept, and restorable by an admin. */
    RETIRED,
    /** Being deleted with what depends on it; a worker finishes a deletion that stopped halfway. */
    DELETING
}
