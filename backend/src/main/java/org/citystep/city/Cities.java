package org.citystep.city;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Mono;

interface Cities extends ReactiveMongoRepository<City, String>, CityFilterQueries {

    Mono<Boolean> existsByDemoTrue();
}
