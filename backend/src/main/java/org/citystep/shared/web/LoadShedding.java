package org.citystep.shared.web;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.citystep.shared.problem.ProblemResponseWriter;
import org.citystep.shared.problem.ProblemType;
import org.citystep.shared.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Bounded concurrency for the expensive reads (matches, roadmap, search, the report): above what the
 * machine can serve, a request is answered 503 with {@code Retry-After} at once instead of queueing
 * until memory runs out. Each kind has its own budget, so a flood of one never starves the others;
 * cheap reads and writes are never shed.
 */
@Component
class LoadShedding implements WebFilter, Ordered {

    private record Budget(String what, Pattern path, Semaphore permits) {
    }

    private final List<Budget> budgets;
    private final ProblemResponseWriter writer;

    LoadShedding(@Value("${citystep.load-shedding.staircase:16}") int staircase,
            @Value("${citystep.load-shedding.search:48}") int search,
            @Value("${citystep.load-shedding.report:32}") int report, ProblemResponseWriter writer) {
        this.budgets = List.of(
                new Budget("matching", Pattern.compile("^/api/v1/cities/[^/]+/(matches|roadmap)$"), new Semaphore(staircase)),
                new Budget("search", Pattern.compile("^/api/v1/search(/suggest)?$"), new Semaphore(search)),
                new Budget("the report", Pattern.compile("^/api/v1/reports/.*"), new Semaphore(report)));
        this.writer = writer;
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
        if (!budget.permits().tryAcquire()) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "1");
            return writer.write(exchange, Problems.of(ProblemType.SERVICE_UNAVAILABLE, "Too many requests for "
                    + budget.what() + " are being answered right now; try again in a second."), headers);
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                budget.permits().release();
            }
        };
        // freed as the answer starts, not after it was sent: a client that asks again the moment it
        // has its answer must find the place free (it found it taken, at exactly the budget, before)
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(release));
        return chain.filter(exchange).doFinally(signal -> release.run());
    }
}
