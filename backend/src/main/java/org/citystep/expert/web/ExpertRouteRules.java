package org.citystep.expert.web;

import static org.citystep.security.RouteRules.roles;

import org.citystep.security.Role;
import org.citystep.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

@Component
class ExpertRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.POST, "/api/v1/experts", "/api/v1/experts/*/approve",
                "/api/v1/experts/*/retire").hasAnyRole(roles(Role.CURATOR, Role.ADMIN));
        exchanges.pathMatchers(HttpMethod.GET, "/api/v1/experts/me").hasRole(Role.EXPERT.name());
        exchanges.pathMatchers(HttpMethod.PUT, "/api/v1/experts/*").hasAnyRole(roles(Role.EXPERT, Role.CURATOR, Role.ADMIN));
    }
}
