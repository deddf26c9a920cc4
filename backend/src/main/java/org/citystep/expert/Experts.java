package org.citystep.expert;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface Experts extends ReactiveMongoRepository<Expert, String> {
}
