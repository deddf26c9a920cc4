package org.citystep.demo;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface GenerationMarkers extends ReactiveMongoRepository<GenerationMarker, String> {
}
