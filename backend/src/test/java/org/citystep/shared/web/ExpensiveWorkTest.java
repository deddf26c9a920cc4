package org.citystep.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.citystep.shared.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** One matching computation runs, one waits; a third is refused with 503 and Retry-After, and a freed place is taken. */
class ExpensiveWorkTest {

    private static final LoadSheddingProperties.Limit ONE_AND_ONE_WAITING =
            new LoadSheddingProperties.Limit(1, 1, Duration.ofSeconds(5));

    private final ExpensiveWork work = new ExpensiveWork(
            new LoadSheddingProperties(ONE_AND_ONE_WAITING, ONE_AND_ONE_WAITING, ONE_AND_ONE_WAITING));

    @Test
    void computationsBeyondTheBudgetAreRefusedWithRetryAfterAndAFreedPlaceIsTaken() {
        Disposable running = work.matching(Mono::never).subscribe();
        boolean[] waitingRan = {false};
        Disposable waiting = work.matching(() -> Mono.fromRunnable(() -> waitingRan[0] = true)).subscribe();
        assertThat(waitingRan[0]).isFalse();

        StepVerifier.create(work.matching(() -> Mono.just("third")))
                .expectErrorSatisfies(failure -> {
                    assertThat(failure).isInstanceOf(ApiException.class);
                    ApiException busy = (ApiException) failure;
                    assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                })
                .verify();

        running.dispose();
        assertThat(waitingRan[0]).as("the waiting one ran when the place was freed").isTrue();
        StepVerifier.create(work.matching(() -> Mono.just("next"))).expectNext("next").verifyComplete();
        waiting.dispose();
    }
}
