package org.citystep.exchange.web;

import static org.citystep.security.RouteRules.roles;

import org.citystep.security.Role;
import org.citystep.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

/**
 * Exchanges are never public: every route needs a sign-in, and the service answers 404 to anyone who
 * is not a reader of the exchange asked for.
 */
@Component
class ExchangeRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.GET, "/api/v1/exchanges/stats").hasAnyRole(roles(Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.GET, "/api/v1/exchanges", "/api/v1/exchanges/**").authenticated();
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/exchanges", "/api/v1/exchanges/*/experts")
                .hasAnyRole(roles(Role.CITY_EDITOR, Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/exchanges/*/experts/*/answer").hasRole(Role.EXPERT.name());
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/exchanges/*/accept", "/api/v1/exchanges/*/decline",
                        "/api/v1/exchanges/*/dates", "/api/v1/exchanges/*/agree", "/api/v1/exchanges/*/cancel",
                        "/api/v1/exchanges/*/case-study-draft")
                .hasRole(Role.CITY_EDITOR.name());
        exchanges.pathMatchers(HttpMethod.PUT, "/api/v1/exchanges/*/outcome").hasRole(Role.CITY_EDITOR.name());
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/exchanges/*/messages")
                .hasAnyRole(roles(Role.CITY_EDITOR, Role.EXPERT, Role.CURATOR, Role.ADMIN));
    }
}
