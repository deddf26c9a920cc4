package org.citystep.city;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a city's knowledge exchanges led to, on its profile: completed exchanges after which it climbed
 * the step it asked about, and those after which the city it helped climbed.
 */
@Schema(name = "ExchangeCredits")
public record ExchangeCredits(int climbed, int helped) {

    public static final ExchangeCredits NONE = new ExchangeCredits(0, 0);
}
