package org.citystep.fairuse;

import org.citystep.security.CurrentUser;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The answers Spring Security gives itself (401 for a missing or invalid token where one is needed,
 * 403 by role) are written before {@link RateLimitFilter} runs. This filter, in front of the
 * security chain, counts such a request against its address's bucket just before the answer is
 * sent, and puts the {@code RateLimit} headers on it: so every API answer carries them, and a client
 * sending garbage tokens uses up its own bucket. Answers that passed the limit filter are left alone.
 */
@Component
class SecurityRefusalLimits implements WebFilter, Ordered {

    /** Before Spring Security's {@code WebFilterChainProxy} (-100). */
    static final int BEFORE_SECURITY = -101;

    private final RateLimits limits;
    private final boolean behindProxy;

    SecurityRefusalLimits(RateLimits limits, RateLimitProperties properties) {
        this.limits = limits;
        this.behindProxy = properties.behindProxy();
    }

    @Override
    public int getOrder() {
        return BEFORE_SECURITY;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (path.value().startsWith("/api/")) {
            exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                if (!headers.containsHeader(RateLimitFilter.LIMIT)) {
                    RateLimitFilter.describe(headers, limits.take(
                            Client.of(CurrentUser.anonymous(), exchange.getRequest(), behindProxy),
                            RateLimitFilter.isExport(path)));
                }
            }));
        }
        return chain.filter(exchange);
    }
}
