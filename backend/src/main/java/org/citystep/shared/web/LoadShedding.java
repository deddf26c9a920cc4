package org.citystep.shared.web;

import java.util.List;
import java.util.regex.Pattern;

import org.citystep.shared.problem.ProblemResponseWriter;
import org.citystep.shared.i18n.MessageRef;
import org.citystep.shared.problem.ApiException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Bounded concurrency for the expensive reads (search, the report; matching through
 * {@link ExpensiveWork}): a few run at
 * once, a bounded number wait their turn in arrival order, and a request beyond that, or one that
 * waited too long, is answered 503 with {@code Retry-After} at once instead of queueing until memory
 * runs out. Each kind has its own budget, so a flood of one never starves the others; cheap reads and
 * writes are never shed.
 */
@Component
@EnableConfigurationProperties(LoadSheddingProperties.class)
class LoadShedding implements WebFilter, Ordered {

    private record Budget(String what, Pattern path, ConcurrencyBudget places) {
    }

    private final List<Budget> budgets;
    private final ProblemResponseWriter writer;

    LoadShedding(LoadSheddingProperties limits, ProblemResponseWriter writer) {
        // matching is bounded where it computes (ExpensiveWork): answers from its cache never queue
        this.budgets = List.of(
                budget("load.search", "^/api/v1/search(/suggest)?$", limits.search()),
                budget("load.report", "^/api/v1/reports/.*", limits.report()));
        this.writer = writer;
    }

    private static Budget budget(String what, String path, LoadSheddingProperties.Limit limit) {
        return new Budget(what, Pattern.compile(path),
                new ConcurrencyBudget(limit.running(), limit.waiting(), limit.maxWait()));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        for (Budget budget : budgets) {
            if (budget.path().matcher(path).matches()) {
                return limited(budget, exchange, chain);
            }
        }
        return chain.filter(exchange);
    }

    private Mono<Void> limited(Budget budget, ServerWebExchange exchange, WebFilterChain chain) {
        return budget.places().within(permit -> {
                    // freed as the answer starts, not after it was sent: a client that asks again the
                    // moment it has its answer must find the place free
                    exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(permit::release));
                    return chain.filter(exchange);
                })
                .onErrorResume(ConcurrencyBudget.Refused.class, refused -> {
                    return writer.write(exchange, ApiException.busy("problem.busy", new MessageRef(budget.what())));
                });
    }
}
