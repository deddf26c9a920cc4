package org.citystep.fairuse;

import java.util.List;

import org.citystep.security.CurrentUser;
import org.citystep.shared.problem.ApiException;
import org.citystep.shared.problem.ProblemResponseWriter;
import org.citystep.shared.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * Counts every API request against its client's bucket, puts the IETF draft's {@code RateLimit}
 * headers on the answer, and answers 429 with {@code Retry-After} at once when the bucket is empty
 * (no database, nothing that blocks). Runs right after Spring Security's filter chain, so a signed-in
 * caller is known by the token that chain validated, without validating it twice. Only {@code /api/}
 * is limited: the front end's files and the actuator (health probes) are not.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    /** Spring Security's {@code WebFilterChainProxy} runs at -100 (WebFluxSecurityConfiguration). */
    static final int AFTER_SECURITY = -99;

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";
    static final String POLICY = "RateLimit-Policy";

    /** Bulk downloads, limited per client on their own; the list of datasets is an ordinary read. */
    private static final List<PathPattern> EXPORTS = List.of(
            PathPatternParser.defaultInstance.parse("/api/v1/exports/{dataset}/**"),
            PathPatternParser.defaultInstance.parse("/api/v1/catalog/**"));

    private final RateLimits limits;
    private final ProblemResponseWriter writer;
    private final boolean behindProxy;

    RateLimitFilter(RateLimits limits, ProblemResponseWriter writer, RateLimitProperties properties) {
        this.limits = limits;
        this.writer = writer;
        this.behindProxy = properties.behindProxy();
    }

    @Override
    public int getOrder() {
        return AFTER_SECURITY;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (!path.value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        boolean export = isExport(path);
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> CurrentUser.from(context.getAuthentication()))
                .defaultIfEmpty(CurrentUser.anonymous())
                .map(user -> limits.take(Client.of(user, exchange.getRequest(), behindProxy), export))
                .flatMap(taken -> {
                    describe(exchange.getResponse().getHeaders(), taken);
                    return taken.allowed() ? chain.filter(exchange) : refuse(exchange, taken);
                });
    }

    static void describe(HttpHeaders headers, RateLimits.Taken taken) {
        headers.set(LIMIT, String.valueOf(taken.limit().requests()));
        headers.set(REMAINING, String.valueOf(taken.remaining()));
        headers.set(RESET, String.valueOf(taken.resetSeconds()));
        headers.set(POLICY, taken.limit().policy());
    }

    static boolean isExport(PathContainer path) {
        return EXPORTS.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, RateLimits.Taken taken) {
        long retryAfter = taken.retryAfterSeconds();
        ApiException limited = new ApiException(ProblemType.RATE_LIMITED, "problem.rateLimited",
                taken.limit().requests(), taken.limit().per().toSeconds(), retryAfter);
        limited.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        return writer.write(exchange, limited);
    }
}
