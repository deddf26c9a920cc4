package org.citystep.exchange;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One city of an exchange as clients show it.
 *
 * @param name     per language tag
 * @param timeZone the city's IANA time zone, in which its side sees the dates (e.g. Europe/Amsterdam)
 */
@Schema(name = "ExchangeSide")
public record ExchangeSide(String cityId, Map<String, String> name, String timeZone) {
}
