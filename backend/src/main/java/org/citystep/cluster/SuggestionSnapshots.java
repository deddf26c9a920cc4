package org.citystep.cluster;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface SuggestionSnapshots extends ReactiveMongoRepository<SuggestionSnapshot, String> {
}
