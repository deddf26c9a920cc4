package org.citystep.shared.mongo;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;

import org.citystep.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import reactor.test.StepVerifier;

/** Two app instances over one embedded MongoDB: only one holds a lease at a time. */
class LeasesTest {

    private MongoServer server;
    private MongoClient client;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private Leases first;
    private Leases second;

    @BeforeEach
    void start() {
        server = new MongoServer(new HelloAnsweringBackends.Memory());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "citystep");
        first = new Leases(mongo, clock, "instance-1");
        second = new Leases(mongo, clock, "instance-2");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void oneHolderAtATimeUntilItReleasesOrItsLeaseExpires() {
        Duration minute = Duration.ofMinutes(1);
        StepVerifier.create(first.acquire("cluster-suggestions", minute)).expectNext(true).verifyComplete();
        StepVerifier.create(second.acquire("cluster-suggestions", minute)).expectNext(false).verifyComplete();
        // another lease is independent
        StepVerifier.create(second.acquire("catch-up", minute)).expectNext(true).verifyComplete();
        // the holder renews its own
        clock.advance(Duration.ofSeconds(50));
        StepVerifier.create(first.acquire("cluster-suggestions", minute)).expectNext(true).verifyComplete();
        clock.advance(Duration.ofSeconds(50));
        StepVerifier.create(second.acquire("cluster-suggestions", minute)).expectNext(false).verifyComplete();

        // a holder that died: its lease expires
        clock.advance(Duration.ofSeconds(11));
        StepVerifier.create(second.acquire("cluster-suggestions", minute)).expectNext(true).verifyComplete();
        StepVerifier.create(first.acquire("cluster-suggestions", minute)).expectNext(false).verifyComplete();

        // releasing someone else's lease does nothing; releasing one's own frees it at once
        StepVerifier.create(first.release("cluster-suggestions")).verifyComplete();
        StepVerifier.create(first.acquire("cluster-suggestions", minute)).expectNext(false).verifyComplete();
        StepVerifier.create(second.release("cluster-suggestions")).verifyComplete();
        StepVerifier.create(first.acquire("cluster-suggestions", minute)).expectNext(true).verifyComplete();
    }
}
