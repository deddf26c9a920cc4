package org.citystep.city;

import org.citystep.search.SearchCatchUp;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Indexes the cities whose latest write did not reach Elasticsearch. */
@Component
class CitySearchCatchUp implements SearchCatchUp {

    static final int BATCH = 200;

    private final CityService cities;

    CitySearchCatchUp(CityService cities) {
        this.cities = cities;
    }

    @Override
    public Mono<Long> catchUp() {
        return cities.pendingIndexing(BATCH).concatMap(cities::syncSearch).filter(Boolean::booleanValue).count();
    }
}
