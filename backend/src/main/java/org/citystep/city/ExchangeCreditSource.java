package org.citystep.city;

import reactor.core.publisher.Mono;

/**
 * Where a city's exchange credits come from: implemented by the exchange feature, which depends on
 * cities (so cities ask through this interface, not the other way round).
 */
public interface ExchangeCreditSource {

    Mono<ExchangeCredits> creditsOf(City city);
}
