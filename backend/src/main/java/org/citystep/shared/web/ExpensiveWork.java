package org.citystep.shared.web;

import java.util.function.Supplier;

import org.citystep.shared.problem.ApiException;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Bounded concurrency for expensive work a service does for a request, where only part of the
 * requests do it: a roadmap or a match list served from the cache costs no more than reading a
 * city, and must not queue behind those being computed. The computations take places from the
 * {@code citystep.load-shedding.matching} budget; beyond it they fail with a 503 problem and
 * {@code Retry-After}, as {@link LoadShedding} answers whole requests.
 */
@Component
public class ExpensiveWork {

    private final ConcurrencyBudget matching;

    ExpensiveWork(LoadSheddingProperties limits) {
        LoadSheddingProperties.Limit limit = limits.matching();
        this.matching = new ConcurrencyBudget(limit.running(), limit.waiting(), limit.maxWait());
    }

    /** Runs a matching computation once a place is free; 503 when too many wait already or it waited too long. */
    public <T> Mono<T> matching(Supplier<Mono<T>> work) {
        return matching.within(permit -> Mono.defer(work))
                .onErrorMap(ConcurrencyBudget.Refused.class, refused -> ApiException.busy("problem.busy",
                        new org.citystep.shared.i18n.MessageRef("load.matching")));
    }
}
