package org.citystep.city;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface Cities extends ReactiveMongoRepository<City, String>, CityFilterQueries {
}
