package org.citystep.cluster;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface StoredSuggestions extends ReactiveMongoRepository<StoredSuggestion, String> {
}
