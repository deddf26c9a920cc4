package org.citystep.search;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Mono;

interface ReindexJobs extends ReactiveMongoRepository<ReindexJob, String> {

    Mono<ReindexJob> findFirstByOrderByStartedAtDesc();

    reactor.core.publisher.Flux<ReindexJob> findByState(ReindexJob.State state);
}
