package org.citystep.shared.problem;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * The one place failures become responses: controller exceptions, unknown routes, errors from web
 * filters and codecs alike. Runs before Boot's default error handler, which would answer with its
 * own JSON shape.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private final ProblemResponseWriter writer;

    ProblemExceptionHandler(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        var request = exchange.getRequest();
        return writer.write(exchange, ExceptionProblems.toProblem(ex, request.getMethod().name(), request.getPath().value()));
    }
}
