package org.citystep.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class ConcurrencyBudgetTest {

    @Test
    void waitersAreServedInArrivalOrderAndOneThatWaitedTooLongIsRefusedAndLeavesTheQueue() {
        // long enough that a loaded machine's first StepVerifier does not outlast the queued ones' wait
        ConcurrencyBudget budget = new ConcurrencyBudget(1, 2, Duration.ofSeconds(3));
        List<String> order = new ArrayList<>();
        List<ConcurrencyBudget.Permit> granted = new ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            budget.within(permit -> {
                order.add(name);
                granted.add(permit);
                return Mono.never();
            }).subscribe();
        }
        StepVerifier.create(budget.within(permit -> Mono.just("fourth")))
                .expectError(ConcurrencyBudget.Refused.class).verify();
        assertThat(order).containsExactly("first");

        granted.get(0).release();
        granted.get(0).release(); // twice frees one place only
        assertThat(order).containsExactly("first", "second");
        assertThat(budget.running()).isEqualTo(1);
        granted.get(1).release();
        assertThat(order).containsExactly("first", "second", "third");

        StepVerifier.create(budget.within(permit -> Mono.just("too late")))
                .expectError(ConcurrencyBudget.Refused.class).verify(Duration.ofSeconds(10));
        assertThat(budget.waiting()).as("the one that gave up is no longer queued").isZero();
        granted.get(2).release();
        assertThat(budget.running()).isZero();
    }

    @Test
    void aNewcomerWhoseTurnWouldComeTooLateIsRefusedAtOnceWhileThoseBeforeItStayQueued() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        ConcurrencyBudget budget = new ConcurrencyBudget(2, 10, Duration.ofSeconds(1), now::get);
        List<ConcurrencyBudget.Permit> held = new ArrayList<>();
        budget.within(permit -> {
            held.add(permit);
            return Mono.never();
        }).subscribe();
        now.addAndGet(Duration.ofMillis(400).toNanos());
        held.get(0).release(); // places are held about 400 ms

        for (int i = 0; i < 2; i++) {
            budget.within(permit -> {
                held.add(permit);
                return Mono.never();
            }).subscribe();
        }
        // two running; the first two in line expect 200 and 400 ms, the third 600 ms: more than half
        // the 1 s limit, which leaves room for hold times that vary
        List<String> outcome = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            budget.within(permit -> Mono.just("served")).subscribe(outcome::add,
                    failure -> outcome.add(failure.getMessage()));
        }
        assertThat(outcome).as("refused without waiting").singleElement().asString().startsWith("would wait about 600 ms");
        assertThat(budget.waiting()).isEqualTo(2);

        held.get(1).release();
        held.get(2).release();
        assertThat(outcome).containsExactly("would wait about 600 ms", "served", "served");
        assertThat(budget.running()).isZero();
    }

    @Test
    void underRacingAcquiresReleasesAndCancelsNoPlaceIsLostOrDoubled() throws Exception {
        ConcurrencyBudget budget = new ConcurrencyBudget(3, 8, Duration.ofMillis(50));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        int requests = 2_000;
        CountDownLatch done = new CountDownLatch(requests);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Disposable> subscriptions = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < requests; i++) {
            callers.execute(() -> {
                Disposable subscription = budget.within(permit -> Mono.just(1)
                                .doOnNext(one -> most.accumulateAndGet(inside.incrementAndGet(), Math::max))
                                .delayElement(Duration.ofMillis(ThreadLocalRandom.current().nextInt(3)), Schedulers.parallel())
                                .doOnSuccess(one -> inside.decrementAndGet())
                                .doOnCancel(inside::decrementAndGet))
                        .doFinally(signal -> done.countDown())
                        .subscribe(ignored -> { }, failure -> { });
                if (ThreadLocalRandom.current().nextInt(10) == 0) {
                    subscription.dispose(); // the client went away
                }
                subscriptions.add(subscription);
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        callers.shutdown();
        assertThat(most.get()).isLessThanOrEqualTo(3);
        // a place is freed just after its request reported done
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(budget.running()).isZero());
        assertThat(budget.waiting()).isZero();
    }
}
