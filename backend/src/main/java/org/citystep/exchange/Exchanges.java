package org.citystep.exchange;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface Exchanges extends ReactiveMongoRepository<Exchange, String> {
}
