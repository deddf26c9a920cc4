package org.citystep.city;

/**
 * A curator moved a city to another country or region; what other features keep about the city's
 * place (search documents of its case studies) must follow.
 */
public record CityMoved(String cityId) {
}
