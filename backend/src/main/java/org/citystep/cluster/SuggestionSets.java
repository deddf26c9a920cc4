package org.citystep.cluster;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface SuggestionSets extends ReactiveMongoRepository<SuggestionSet, String> {
}
