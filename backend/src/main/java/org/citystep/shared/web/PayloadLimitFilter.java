package org.citystep.shared.web;

import org.citystep.shared.problem.ProblemResponseWriter;
import org.citystep.shared.problem.ProblemType;
import org.citystep.shared.problem.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared length exceeds the codec limit before its body is read. Bodies
 * without a declared length are cut off by the codecs at the same limit (also answered 413).
 */
@Component
class PayloadLimitFilter implements WebFilter, Ordered {

    private final long limit;
    private final ProblemResponseWriter writer;

    PayloadLimitFilter(@Value("${spring.http.codecs.max-in-memory-size}") DataSize limit, ProblemResponseWriter writer) {
        this.limit = limit.toBytes();
        this.writer = writer;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return writer.write(exchange, new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "problem.payloadTooLarge.declared",
                    declared, limit));
        }
        return chain.filter(exchange);
    }
}
