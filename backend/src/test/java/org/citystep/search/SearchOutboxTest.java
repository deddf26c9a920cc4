package org.citystep.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.citystep.shared.paging.PageParams;
import org.citystep.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import reactor.test.StepVerifier;

/**
 * The search outbox on the embedded MongoDB: a write's entry outlives everything but the indexing
 * of the newest write, and a document that keeps failing waits longer each time instead of
 * blocking the others.
 */
class SearchOutboxTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private MongoServer server;
    private MongoClient client;
    private SearchOutbox outbox;
    private org.citystep.shared.mongo.Leases leases;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        ReactiveMongoTemplate template = new ReactiveMongoTemplate(client, "citystep");
        leases = new org.citystep.shared.mongo.Leases(template, clock);
        outbox = new SearchOutbox(template, clock, leases);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private void later(Duration by) {
        clock.advance(by);
    }

    private List<String> due() {
        return outbox.due(100).map(d -> d.write().documentId() + "#" + d.attempts()).collectList().block();
    }

    @Test
    void theWriterSettlesItsOwnEntryButNotANewerWritesOne() {
        PendingWrite first = outbox.add("cities", "amsterdam").block();
        PendingWrite second = outbox.add("cities", "amsterdam").block();
        PendingWrite other = outbox.add("cities", "zagreb").block();
        StepVerifier.create(outbox.size()).expectNext(2L).verifyComplete();

        // the first write's indexing finished after the second write: the second is still owed
        StepVerifier.create(outbox.settle(first)).expectNext(false).verifyComplete();
        StepVerifier.create(outbox.settle(second)).expectNext(true).verifyComplete();
        StepVerifier.create(outbox.settle(other)).expectNext(true).verifyComplete();
        StepVerifier.create(outbox.size()).expectNext(0L).verifyComplete();
    }

    @Test
    void theWorkerSeesAnEntryOnlyAfterTheWriterHadItsChance() {
        outbox.add("cities", "amsterdam").block();
        assertThat(due()).isEmpty();
        later(SearchOutbox.WRITER_GRACE);
        assertThat(due()).containsExactly("amsterdam#0");

        // a bulk change (a city moved: its case studies) is due at once
        outbox.addAll("case-studies", List.of("a", "b")).block();
        assertThat(due()).containsExactlyInAnyOrder("amsterdam#0", "a#0", "b#0");
    }

    @Test
    void aDocumentThatKeepsFailingWaitsLongerEachTimeAndNeverBlocksTheOthers() {
        outbox.addAll("cities", List.of("poison", "fine")).block();
        var poison = outbox.due(100).filter(d -> d.write().documentId().equals("poison")).blockFirst();

        outbox.retryLater(List.of(poison), "mapping conflict", true).block();
        assertThat(due()).containsExactly("fine#0");
        later(Duration.ofSeconds(10));
        assertThat(due()).containsExactlyInAnyOrder("fine#0", "poison#1");

        var again = outbox.due(100).filter(d -> d.write().documentId().equals("poison")).blockFirst();
        outbox.retryLater(List.of(again), "mapping conflict", true).block();
        later(Duration.ofSeconds(10));
        assertThat(due()).as("the second wait is 20 s").containsExactly("fine#0");
        later(Duration.ofSeconds(10));
        assertThat(due()).containsExactlyInAnyOrder("fine#0", "poison#2");

        assertThat(SearchOutbox.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(SearchOutbox.backoff(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(SearchOutbox.backoff(40)).isEqualTo(Duration.ofMinutes(10));
    }

    private SearchOutbox.Due dueOne(String id) {
        return outbox.due(100).filter(d -> d.write().documentId().equals(id)).blockFirst();
    }

    @Test
    void aDocumentRefusedTenTimesIsADeadLetterUntilAnAdminRetriesIt() {
        outbox.addAll("cities", List.of("poison")).block();
        for (int i = 0; i < SearchOutbox.MAX_ATTEMPTS; i++) {
            outbox.retryLater(List.of(dueOne("poison")), "mapping conflict", true).block();
            later(Duration.ofMinutes(10));
        }
        assertThat(due()).as("no longer tried").isEmpty();
        StepVerifier.create(outbox.deadLetterCount()).expectNext(1L).verifyComplete();
        StepVerifier.create(outbox.deadLetters(new PageParams(0, 20)))
                .assertNext(dead -> {
                    assertThat(dead.documentId()).isEqualTo("poison");
                    assertThat(dead.attempts()).isEqualTo(SearchOutbox.MAX_ATTEMPTS);
                    assertThat(dead.lastError()).isEqualTo("mapping conflict");
                })
                .verifyComplete();

        StepVerifier.create(outbox.retryDeadLetters()).expectNext(1L).verifyComplete();
        assertThat(due()).containsExactly("poison#0");
        StepVerifier.create(outbox.deadLetterCount()).expectNext(0L).verifyComplete();
    }

    @Test
    void theBackoffAndTheRefusalsBeforeADeadLetterAreConfigurable() {
        SearchOutbox quick = new SearchOutbox(new ReactiveMongoTemplate(client, "citystep"), clock, leases,
                Duration.ofMillis(100), Duration.ofMillis(300), 3);
        quick.addAll("cities", List.of("poison")).block();
        quick.retryLater(List.of(dueOne("poison")), "mapping conflict", true).block();
        assertThat(due()).isEmpty();
        later(Duration.ofMillis(100));
        assertThat(due()).as("first pause 100 ms").containsExactly("poison#1");
        quick.retryLater(List.of(dueOne("poison")), "mapping conflict", true).block();
        later(Duration.ofMillis(199));
        assertThat(due()).as("then 200 ms").isEmpty();
        later(Duration.ofMillis(1));
        assertThat(due()).containsExactly("poison#2");
        quick.retryLater(List.of(dueOne("poison")), "mapping conflict", true).block();
        later(Duration.ofMinutes(10));
        assertThat(due()).as("a dead letter after the third refusal").isEmpty();
        StepVerifier.create(quick.deadLetterCount()).expectNext(1L).verifyComplete();
        assertThat(SearchOutbox.backoff(5, Duration.ofMillis(100), Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void batchesThatFailWholeWhileElasticsearchIsAwayNeverMakeDeadLetters() {
        outbox.addAll("cities", List.of("fine")).block();
        for (int i = 0; i < 3 * SearchOutbox.MAX_ATTEMPTS; i++) {
            outbox.retryLater(List.of(dueOne("fine")), "connection refused", false).block();
            later(Duration.ofMinutes(10));
        }
        StepVerifier.create(outbox.deadLetterCount()).expectNext(0L).verifyComplete();
        assertThat(due()).containsExactly("fine#" + (SearchOutbox.MAX_ATTEMPTS - 1));
    }

    @Test
    void aNewWriteOfADeadLetterDocumentIsTriedAgain() {
        outbox.addAll("cities", List.of("poison")).block();
        for (int i = 0; i < SearchOutbox.MAX_ATTEMPTS; i++) {
            outbox.retryLater(List.of(dueOne("poison")), "mapping conflict", true).block();
            later(Duration.ofMinutes(10));
        }
        outbox.add("cities", "poison").block();
        later(SearchOutbox.WRITER_GRACE);
        assertThat(due()).containsExactly("poison#0");
        StepVerifier.create(outbox.deadLetterCount()).expectNext(0L).verifyComplete();
    }

    @Test
    void whileARebuildRunsSettledEntriesAreKeptForItsReplayAndForgottenAfterwards() {
        leases.acquire(SearchRebuilds.LEASE, Duration.ofMinutes(5)).block();
        PendingWrite retired = outbox.add("cities", "retired").block();
        outbox.addAll("case-studies", List.of("moved-1", "moved-2")).block();
        later(Duration.ofSeconds(6));
        assertThat(outbox.settle(retired).block()).isTrue();
        outbox.settleAll(outbox.due(100).filter(d -> d.write().index().equals("case-studies")).map(SearchOutbox.Due::write)
                .collectList().block()).block();

        // nothing waits for search any more, but the rebuild can still see what was settled
        assertThat(outbox.size().block()).isZero();
        assertThat(due()).isEmpty();
        assertThat(outbox.settledSince("cities", clock.instant().minusSeconds(60), 10).flatMapIterable(ids -> ids)
                .collectList().block()).containsExactly("retired");
        assertThat(outbox.settledSince("case-studies", clock.instant().minusSeconds(60), 10).flatMapIterable(ids -> ids)
                .collectList().block()).containsExactlyInAnyOrder("moved-1", "moved-2");
        // a new write of a kept document is pending again
        outbox.add("cities", "retired").block();
        assertThat(outbox.size().block()).isEqualTo(1);

        assertThat(outbox.forgetSettled().block()).isEqualTo(2);
        assertThat(outbox.size().block()).isEqualTo(1);
    }

    @Test
    void withoutARebuildSettledEntriesAreRemoved() {
        PendingWrite write = outbox.add("cities", "amsterdam").block();
        assertThat(outbox.settle(write).block()).isTrue();
        assertThat(outbox.settledSince("cities", clock.instant().minusSeconds(60), 10).collectList().block()).isEmpty();
        assertThat(outbox.forgetSettled().block()).isZero();
    }
}
