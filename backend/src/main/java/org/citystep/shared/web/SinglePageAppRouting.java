package org.citystep.shared.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Serves the front end's index.html for browser navigations to client-side routes such as
 * {@code /cities/amsterdam}, so deep links and reloads work. API, actuator, documentation and
 * asset paths are left alone and keep their own 404s.
 */
@Component
class SinglePageAppRouting implements WebFilter, Ordered {

    private static final List<String> SERVER_PREFIXES = List.of("/api/", "/actuator", "/v3/", "/swagger-ui",
            "/webjars/", "/assets/");

    private final boolean frontendPresent = new ClassPathResource("static/index.html").exists();

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (frontendPresent && isClientRoute(exchange)) {
            return chain.filter(exchange.mutate().request(r -> r.path("/index.html")).build());
        }
        return chain.filter(exchange);
    }

    private static boolean isClientRoute(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.GET) {
            return false;
        }
        String path = request.getPath().pathWithinApplication().value();
        if (path.equals("/") || SERVER_PREFIXES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        boolean looksLikeFile = lastSegment.contains(".");
        boolean acceptsHtml = request.getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        return !looksLikeFile && acceptsHtml;
    }
}
