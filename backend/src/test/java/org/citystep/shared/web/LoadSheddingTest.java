package org.citystep.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.citystep.shared.problem.ProblemResponseWriter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * One expensive read runs per kind, one more waits its turn; beyond that a request is answered 503
 * with Retry-After at once, and a finished one makes room.
 */
class LoadSheddingTest {

    private static final LoadSheddingProperties.Limit ONE_AND_ONE_WAITING =
            new LoadSheddingProperties.Limit(1, 1, Duration.ofSeconds(5));

    private final LoadShedding shedding = new LoadShedding(
            new LoadSheddingProperties(ONE_AND_ONE_WAITING, ONE_AND_ONE_WAITING, ONE_AND_ONE_WAITING),
            new ProblemResponseWriter(ServerCodecConfigurer.create(), new org.citystep.shared.i18n.IcuMessageSource()));

    private static MockServerWebExchange get(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path));
    }

    @Test
    void aRequestBeyondRunningAndWaitingIsShedAtOnceAndTheWaitingOneRunsWhenThePlaceFrees() {
        WebFilterChain hanging = exchange -> Mono.never();
        Disposable first = shedding.filter(get("/api/v1/reports/maturity-distribution"), hanging).subscribe();
        MockServerWebExchange waiting = get("/api/v1/reports/maturity-distribution.csv");
        boolean[] waitingRan = {false};
        Disposable second = shedding.filter(waiting, exchange -> Mono.fromRunnable(() -> waitingRan[0] = true))
                .subscribe();
        assertThat(waitingRan[0]).as("waits while the first one runs").isFalse();

        MockServerWebExchange third = get("/api/v1/reports/maturity-distribution");
        StepVerifier.create(shedding.filter(third, exchange -> Mono.empty())).verifyComplete();
        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(third.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(third.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");

        // another kind of request has its own budget; cheap reads are never counted
        MockServerWebExchange search = get("/api/v1/search");
        StepVerifier.create(shedding.filter(search, exchange -> Mono.empty())).verifyComplete();
        assertThat(search.getResponse().getStatusCode()).isNull();
        MockServerWebExchange city = get("/api/v1/cities/amsterdam");
        StepVerifier.create(shedding.filter(city, exchange -> Mono.empty())).verifyComplete();
        assertThat(city.getResponse().getStatusCode()).isNull();
        // matching is bounded where it computes (ExpensiveWork), so its cached answers never queue here
        MockServerWebExchange roadmap = get("/api/v1/cities/chengdu/roadmap");
        StepVerifier.create(shedding.filter(roadmap, exchange -> Mono.empty())).verifyComplete();
        assertThat(roadmap.getResponse().getStatusCode()).isNull();

        first.dispose(); // the client went away: the waiting request takes its place
        assertThat(waitingRan[0]).isTrue();
        assertThat(waiting.getResponse().getStatusCode()).isNull();
        second.dispose();
        MockServerWebExchange fourth = get("/api/v1/reports/maturity-distribution");
        StepVerifier.create(shedding.filter(fourth, exchange -> Mono.empty())).verifyComplete();
        assertThat(fourth.getResponse().getStatusCode()).isNull();
    }

    @Test
    void aPlaceIsFreeAsSoonAsTheAnswerStartsSoAClientAskingAgainAtOnceIsServed() {
        // the answer is written, but the handling has not ended yet (as when the client reads it first)
        WebFilterChain answersThenLingers = exchange -> exchange.getResponse().setComplete().then(Mono.never());
        Disposable first = shedding.filter(get("/api/v1/search"), answersThenLingers).subscribe();

        MockServerWebExchange again = get("/api/v1/search");
        boolean[] ran = {false};
        StepVerifier.create(shedding.filter(again, exchange -> Mono.fromRunnable(() -> ran[0] = true))).verifyComplete();
        assertThat(ran[0]).as("ran at once, without waiting").isTrue();
        assertThat(again.getResponse().getStatusCode()).isNull();
        first.dispose();
    }
}
