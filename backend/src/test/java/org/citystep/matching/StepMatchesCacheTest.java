package org.citystep.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.citystep.reference.Characteristic;
import org.citystep.reference.MaturityLevel;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.core.publisher.Sinks;

/** Found peers are computed once per city version, shared while computing, and never kept when degraded. */
class StepMatchesCacheTest {

    private final StepMatchesCache cache = new StepMatchesCache(Duration.ofMinutes(1));
    private final AtomicInteger computed = new AtomicInteger();
    private static final List<Characteristic> FUNDING = List.of(Characteristic.FUNDING);

    private Supplier<Mono<Map<Characteristic, StepMatches>>> computing(StepMatches.ProjectSimilarity similarity) {
        return () -> Mono.fromSupplier(() -> {
            computed.incrementAndGet();
            return Map.of(Characteristic.FUNDING, new StepMatches("amsterdam", Characteristic.FUNDING,
                    MaturityLevel.BASIC, MaturityLevel.AVERAGE, false, similarity, 0, List.of(), List.of()));
        });
    }

    @Test
    void theSameCityVersionIsComputedOnceAndANewVersionAgain() {
        var available = computing(StepMatches.ProjectSimilarity.AVAILABLE);
        cache.get("amsterdam", 3, FUNDING, 10, 200, available).block();
        cache.get("amsterdam", 3, FUNDING, 10, 200, available).block();
        assertThat(computed).hasValue(1);

        cache.get("amsterdam", 4, FUNDING, 10, 200, available).block(); // the city changed: at once
        cache.get("amsterdam", 4, FUNDING, 3, 200, available).block(); // another limit is another answer
        assertThat(computed).hasValue(3);
    }

    @Test
    void requestsWhileOneIsComputedShareIt() {
        Sinks.One<Map<Characteristic, StepMatches>> slow = Sinks.one();
        Supplier<Mono<Map<Characteristic, StepMatches>>> once = () -> {
            computed.incrementAndGet();
            return slow.asMono();
        };
        var first = cache.get("amsterdam", 1, FUNDING, 10, 200, once).toFuture();
        var second = cache.get("amsterdam", 1, FUNDING, 10, 200, once).toFuture();
        slow.tryEmitValue(Map.of());
        assertThat(first.join()).isSameAs(second.join());
        assertThat(computed).hasValue(1);
    }

    @Test
    void anAnswerComputedWhileSearchWasPartlyDownIsNotKept() {
        var degraded = computing(StepMatches.ProjectSimilarity.UNAVAILABLE);
        cache.get("amsterdam", 1, FUNDING, 10, 200, degraded).block();
        cache.get("amsterdam", 1, FUNDING, 10, 200, degraded).block();
        assertThat(computed).hasValue(2);
    }

    @Test
    void aFailedComputationFailsTheRequestsWaitingForItAndIsNotKept() {
        Supplier<Mono<Map<Characteristic, StepMatches>>> refused = () -> {
            computed.incrementAndGet();
            return Mono.error(new IllegalStateException("too many computations"));
        };
        StepVerifier.create(cache.get("amsterdam", 1, FUNDING, 10, 200, refused))
                .expectErrorMessage("too many computations").verify();
        cache.get("amsterdam", 1, FUNDING, 10, 200, computing(StepMatches.ProjectSimilarity.AVAILABLE)).block();
        assertThat(computed).as("the next request computes afresh").hasValue(2);
        cache.get("amsterdam", 1, FUNDING, 10, 200, refused).block();
        assertThat(computed).as("and its answer is kept").hasValue(2);
    }

    @Test
    void aZeroTimeToLiveComputesEveryTime() {
        StepMatchesCache off = new StepMatchesCache(Duration.ZERO);
        var available = computing(StepMatches.ProjectSimilarity.AVAILABLE);
        off.get("amsterdam", 1, FUNDING, 10, 200, available).block();
        off.get("amsterdam", 1, FUNDING, 10, 200, available).block();
        assertThat(computed).hasValue(2);
    }

    @Test
    void anEntryAskedForInTheSecondHalfOfItsLifeIsComputedAgainWhileTheOldOneIsServed() {
        AtomicLong now = new AtomicLong();
        StepMatchesCache timed = new StepMatchesCache(Duration.ofSeconds(30), now::get);
        var available = computing(StepMatches.ProjectSimilarity.AVAILABLE);
        timed.get("amsterdam", 1, FUNDING, 10, 200, available).block();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        timed.get("amsterdam", 1, FUNDING, 10, 200, available).block();
        assertThat(computed).as("young enough: served as it is").hasValue(1);

        now.addAndGet(Duration.ofSeconds(10).toNanos()); // 20 s old
        timed.get("amsterdam", 1, FUNDING, 10, 200, available).block(); // served, and computed again beside it
        assertThat(computed).hasValue(2);
        now.addAndGet(Duration.ofSeconds(15).toNanos()); // the first computation would have expired
        timed.get("amsterdam", 1, FUNDING, 10, 200, available).block();
        assertThat(computed).as("served from the entry computed again").hasValue(2);
    }
}
