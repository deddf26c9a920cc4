package org.citystep.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Above its budget an expensive read is answered 503 with Retry-After at once; a finished one frees its place. */
class LoadSheddingTest {

    private final LoadShedding shedding = new LoadShedding(1, 1, 1,
            new ProblemResponseWriter(ServerCodecConfigurer.create()));

    private static MockServerWebExchange get(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path));
    }

    @Test
    void aSecondMatchRequestBeyondTheBudgetIsShedAndTheFirstOneFreesItsPlace() {
        WebFilterChain hanging = exchange -> Mono.never();
        Disposable first = shedding.filter(get("/api/v1/cities/amsterdam/matches"), hanging).subscribe();

        MockServerWebExchange second = get("/api/v1/cities/chengdu/roadmap");
        StepVerifier.create(shedding.filter(second, exchange -> Mono.empty())).verifyComplete();
        assertThat(second.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(second.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(second.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");

        // another kind of request has its own budget; cheap reads are never counted
        MockServerWebExchange search = get("/api/v1/search");
        StepVerifier.create(shedding.filter(search, exchange -> Mono.empty())).verifyComplete();
        assertThat(search.getResponse().getStatusCode()).isNull();
        MockServerWebExchange city = get("/api/v1/cities/amsterdam");
        StepVerifier.create(shedding.filter(city, exchange -> Mono.empty())).verifyComplete();
        assertThat(city.getResponse().getStatusCode()).isNull();

        first.dispose(); // the client went away: its place is free again
        MockServerWebExchange third = get("/api/v1/cities/chengdu/roadmap");
        StepVerifier.create(shedding.filter(third, exchange -> Mono.empty())).verifyComplete();
        assertThat(third.getResponse().getStatusCode()).isNull();
    }

    @Test
    void aPlaceIsFreeAsSoonAsTheAnswerStartsSoAClientAskingAgainAtOnceIsServed() {
        // the answer is written, but the handling has not ended yet (as when the client reads it first)
        WebFilterChain answersThenLingers = exchange -> exchange.getResponse().setComplete().then(Mono.never());
        Disposable first = shedding.filter(get("/api/v1/search"), answersThenLingers).subscribe();

        MockServerWebExchange again = get("/api/v1/search");
        StepVerifier.create(shedding.filter(again, exchange -> Mono.empty())).verifyComplete();
        assertThat(again.getResponse().getStatusCode()).isNull();
        first.dispose();
    }
}
