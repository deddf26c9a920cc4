package org.citystep.assessment;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface Reviews extends ReactiveMongoRepository<ReviewEntry, String> {
}
