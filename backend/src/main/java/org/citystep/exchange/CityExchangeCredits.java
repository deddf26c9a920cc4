package org.citystep.exchange;

import java.util.List;
import java.util.Map;

import org.citystep.city.City;
import org.citystep.city.CityService;
import org.citystep.city.ExchangeCreditSource;
import org.citystep.city.ExchangeCredits;
import org.citystep.reference.MaturityLevel;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * A city's exchange credits, for its profile: the completed exchanges after which the asking city
 * climbed the step it asked about (a validated level at least the step's target, validated on or
 * after the day the outcome was recorded), counted for the asking city as {@code climbed} and for the
 * peer as {@code helped}. One read by id, and one query for the cities it helped.
 */
@Component
class CityExchangeCredits implements ExchangeCreditSource {

    private final ExchangeCompletions completions;
    private final CityService cities;

    CityExchangeCredits(ExchangeCompletions completions, CityService cities) {
        this.completions = completions;
        this.cities = cities;
    }

    @Override
    public Mono<ExchangeCredits> creditsOf(City city) {
        return completions.of(city.id()).flatMap(all -> {
            int climbed = (int) all.stream().filter(done -> done.askingCityId().equals(city.id()))
                    .filter(done -> climbed(done, city)).count();
            List<ExchangeCompletions.Completion> helped = all.stream()
                    .filter(done -> done.peerCityId().equals(city.id())).toList();
            if (helped.isEmpty()) {
                return Mono.just(new ExchangeCredits(climbed, 0));
            }
            return cities.getAll(helped.stream().map(ExchangeCompletions.Completion::askingCityId).distinct().toList())
                    .collectMap(City::id)
                    .map(askers -> new ExchangeCredits(climbed, (int) helped.stream()
                            .filter(done -> askers.containsKey(done.askingCityId())
                                    && climbed(done, askers.get(done.askingCityId())))
                            .count()));
        });
    }

    private static boolean climbed(ExchangeCompletions.Completion done, City asking) {
        Map<org.citystep.reference.Characteristic, MaturityLevel> levels = asking.levels();
        return ExchangeRules.climbedAfter(done.fromLevel(), done.toLevel(), done.completedAt(), asking.assessedAt(),
                levels.getOrDefault(done.characteristic(), MaturityLevel.NOT_ASSESSED));
    }
}
