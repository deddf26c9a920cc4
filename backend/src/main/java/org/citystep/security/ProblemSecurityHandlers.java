package org.citystep.security;

import org.citystep.shared.problem.ProblemResponseWriter;
import org.citystep.shared.problem.ProblemType;
import org.citystep.shared.problem.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** 401 and 403 as problem+json, with the {@code WWW-Authenticate} challenge RFC 6750 asks for. */
@Component
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponseWriter writer;

    ProblemSecurityHandlers(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        boolean tokenRejected = ex instanceof InvalidBearerTokenException;
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, tokenRejected
                ? "Bearer realm=\"citystep\", error=\"invalid_token\", error_description=\"The token is invalid or expired\""
                : "Bearer realm=\"citystep\"");
        ApiException problem = new ApiException(ProblemType.UNAUTHENTICATED,
                tokenRejected ? "problem.unauthenticated.tokenRejected" : "problem.unauthenticated.noToken");
        problem.getHeaders().addAll(headers);
        return writer.write(exchange, problem);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException ex) {
        return writer.write(exchange, ApiException.forbidden("problem.forbidden.route",
                exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value()));
    }
}
