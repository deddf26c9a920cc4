package org.citystep.demo;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface DemoDataMarkers extends ReactiveMongoRepository<DemoDataMarker, String> {
}
