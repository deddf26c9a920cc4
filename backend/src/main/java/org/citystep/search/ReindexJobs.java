package org.citystep.search;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Mono;

interface ReindexJobs extends ReactiveMongoRepository<ReindexJob, String> {

    Mono<Boolean> existsByStateAndHeartbeatAtAfter(ReindexJob.State state, java.time.Instant since);

    Mono<ReindexJob> findFirstByOrderByStartedAtDesc();
}
