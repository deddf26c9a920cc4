package org.citystep.city;

/**
 * A city was added, or the service domains it names as interests changed: what groups cities by
 * their work (cluster suggestions) should look again.
 */
public record CityInterestsChanged(String cityId) {
}
