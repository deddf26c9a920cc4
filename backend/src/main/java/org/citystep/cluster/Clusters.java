package org.citystep.cluster;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface Clusters extends ReactiveMongoRepository<Cluster, String> {
}
