package org.citystep.matching.web;

import static org.citystep.security.RouteRules.roles;

import org.citystep.security.Role;
import org.citystep.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;

@Component
class MatchingRouteRules implements RouteRules {

    @Override
    public void configure(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.GET, "/api/v1/cities/*/roadmap", "/api/v1/cities/*/matches")
                .hasAnyRole(roles(Role.CITY_EDITOR, Role.EXPERT, Role.CURATOR, Role.ADMIN));
    }
}
