package org.citystep.city;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import reactor.core.publisher.Mono;

interface CityFilterQueries {

    Mono<Page<City>> findFiltered(CityFilter filter, Pageable pageable);
}
